package com.memora.infra.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Jackson for every Axon serializer (never XStream, which cannot read records and whose failures Axon would log
 * and skip).
 * <p>
 * Events use a mapper of their own, not the web's: what is stored forever must not change because someone
 * tunes the HTTP JSON (naming strategy, inclusion rules). Unknown properties are ignored so that an older node
 * reads events that a newer one enriched with fields.
 */
@Configuration(proxyBeanMethods = false)
public class AxonSerializationConfiguration {

    static ObjectMapper messageObjectMapper() {
        return JsonMapper.builder()
                         .addModule(new JavaTimeModule())
                         .addModule(new Jdk8Module())
                         .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                         .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                         .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                         .build();
    }

    private static Serializer jackson() {
        return JacksonSerializer.builder().objectMapper(messageObjectMapper()).build();
    }

    @Bean
    @Primary
    Serializer serializer() {
        return jackson();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return jackson();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return jackson();
    }
}
