package com.memora.kernel.settings;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Where CDN files go, with the labels the API uses. */
public enum StorageProvider {
    AWS_S3("AWS S3"),
    CLOUDFLARE_R2("Cloudflare R2");

    private final String label;

    StorageProvider(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<StorageProvider> fromLabel(String label) {
        return Arrays.stream(values()).filter(provider -> provider.label.equals(label)).findFirst();
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(StorageProvider::label).toList();
    }
}
