package com.memora.command.content;

import com.memora.kernel.content.ContentPatch;

/** What the five node request bodies have in common, so one controller path handles them all. */
interface ContentRequest {

    String id();

    /** The parent named in the body ({@code parent_topic} for a lesson); {@code null} for subjects and when not sent. */
    String parentId();

    Boolean isPublished();

    ContentPatch toPatch();
}
