package com.memora.projection.export.content;

/** The four lesson stage types (domain §1), with the names written into lesson files. */
public enum StageType {

    VIDEO("Video"),
    QUESTION("Question"),
    TEXT("Text"),
    INTERACTIVE("Interactive");

    private final String wireName;

    StageType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
