package com.memora.kernel.error;

/** The command or query names something that does not exist. (404) */
public final class NotFoundException extends DomainException {

    private final String kind;
    private final String id;

    public NotFoundException(String kind, String id) {
        super(kind + "-not-found", "No " + kind + " with id '" + id + "'");
        this.kind = kind;
        this.id = id;
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
