package com.memora.infra.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

import java.nio.file.Path;

/**
 * Where this node keeps its data and how it names itself to the cluster.
 *
 * @param dataDir the embedded default's databases, generated keys and (by default) content files
 * @param nodeId  this node's name in Axon token claims and job records; unique per running node. Not set: the id kept
 *                in {@code <data-dir>/keys/node-id}, the same across restarts ({@link PersistedNodeId})
 */
@ConfigurationProperties("memora")
public record NodeProperties(Path dataDir, String nodeId) {

    public NodeProperties {
        nodeId = StringUtils.hasText(nodeId) ? nodeId.strip() : PersistedNodeId.resolve(dataDir);
    }
}
