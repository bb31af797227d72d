package com.memora.kernel.access;

/**
 * Who may open a node (domain §4): anyone, any signed-in user, the owner of the required item, or anyone because
 * it is a free sample.
 */
public enum AccessLevel {

    PUBLIC("public"),
    AUTHENTICATED("authenticated"),
    PAID("paid"),
    FREE_PREVIEW("free_preview");

    private final String wireName;

    AccessLevel(String wireName) {
        this.wireName = wireName;
    }

    /** The value written into the generated files ({@code access_level}). */
    public String wireName() {
        return wireName;
    }
}
