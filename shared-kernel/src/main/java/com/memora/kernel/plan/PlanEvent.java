package com.memora.kernel.plan;

/** Every plan event names its plan: any of them changes that plan's output and only that plan's (decisions D6). */
public interface PlanEvent {

    String planId();
}
