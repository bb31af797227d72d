package com.memora.infra.axon;

import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** Makes Axon stamp events with the service's clock, so event timestamps follow a test's clock too. */
@Component
class AxonEventClock implements InitializingBean {

    private final Clock clock;

    AxonEventClock(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        GenericEventMessage.clock = clock;
    }
}
