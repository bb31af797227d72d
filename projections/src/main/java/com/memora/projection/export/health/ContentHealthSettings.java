package com.memora.projection.export.health;

/**
 * @param businessHours when the hourly quick check runs (decisions O9)
 * @param sampleSize    files a quick check looks at (domain §11.6: up to 100)
 * @param listLimit     paths a report lists per list at most; counts stay exact
 */
public record ContentHealthSettings(BusinessHours businessHours, int sampleSize, int listLimit) {

    public ContentHealthSettings {
        if (sampleSize < 1) {
            throw new IllegalArgumentException("sample size must be at least 1");
        }
        if (listLimit < 1) {
            throw new IllegalArgumentException("list limit must be at least 1");
        }
    }
}
