package com.memora.infra;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The runnable Memora Core service. Component scanning covers every module ({@code com.memora.*}); the arrows of
 * the module map still hold because only this module depends on all the others.
 */
@SpringBootApplication(scanBasePackages = "com.memora")
@ConfigurationPropertiesScan("com.memora")
public class MemoraApplication {

    public static void main(String[] args) {
        SpringApplication.run(MemoraApplication.class, args);
    }
}
