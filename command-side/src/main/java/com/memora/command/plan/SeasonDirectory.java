package com.memora.command.plan;

/** Whether a season exists, asked synchronously of the command side (decisions D8: a plan's season must exist). */
public interface SeasonDirectory {

    boolean exists(String seasonId);
}
