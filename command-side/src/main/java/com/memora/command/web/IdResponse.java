package com.memora.command.web;

/** The answer to a create or change: the id of the node (client-chosen or generated). */
public record IdResponse(String id) {
}
