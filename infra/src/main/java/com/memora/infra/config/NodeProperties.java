package com.memora.infra.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Where this node keeps its data and how it names itself to the cluster.
 *
 * @param dataDir the embedded default's databases, generated keys and (by default) content files
 * @param nodeId  this node's name in Axon token claims and job records; unique per running node
 */
@ConfigurationProperties("memora")
public record NodeProperties(Path dataDir, String nodeId) {
}
