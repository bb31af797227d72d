package com.memora.kernel.ops;

import java.util.List;

/** Reading side of the in-app notification store. */
public interface Notifications {

    /** The most recently raised notifications first, optionally only those of one kind. */
    List<Notification> recent(String kindOrNull, int limit);
}
