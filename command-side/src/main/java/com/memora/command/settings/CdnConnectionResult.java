package com.memora.command.settings;

/**
 * The outcome of a connection test. A store that cannot be reached is a result ({@code ok=false} with the reason),
 * not an error of the request.
 *
 * @param bucketExists {@code null} when the store could not be asked
 * @param source       {@code given}, {@code stored} or {@code seed}: which settings were tried
 */
public record CdnConnectionResult(boolean ok,
                                  String endpointUrl,
                                  String bucketName,
                                  Boolean bucketExists,
                                  long latencyMs,
                                  String error,
                                  String source) {
}
