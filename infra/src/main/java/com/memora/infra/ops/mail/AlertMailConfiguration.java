package com.memora.infra.ops.mail;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

import java.time.Clock;

/** Alert mail, on as soon as an SMTP server is configured ({@code spring.mail.host}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.mail.host")
public class AlertMailConfiguration {

    @Bean
    MailAlertChannel mailAlertChannel(JavaMailSender mailSender, AlertMailProperties properties, Clock clock) {
        return new MailAlertChannel(mailSender, properties, clock);
    }
}
