package com.memora.kernel.security;

/**
 * The roles of the {@code roles} claim. ADMIN includes EDITOR and PLAYER (a role hierarchy in infra), so
 * endpoints name the least role that may call them.
 */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    public static final String EDITOR = "EDITOR";
    public static final String PLAYER = "PLAYER";

    private Roles() {
    }
}
