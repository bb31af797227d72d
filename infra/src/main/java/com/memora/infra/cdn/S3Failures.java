package com.memora.infra.cdn;

import com.memora.infra.settings.GuardedDns;
import com.memora.projection.export.cdn.CdnFailureKind;
import com.memora.projection.export.cdn.CdnPublishException;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.InsufficientDataException;
import io.minio.errors.InternalException;
import io.minio.errors.InvalidResponseException;
import io.minio.errors.ServerException;
import io.minio.errors.XmlParserException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Set;

/**
 * Sorts what the S3 client threw into transient (the pipeline retries: network, timeouts, 5xx, throttling) and
 * permanent (an operator must act: wrong keys, no such bucket, a refused address), with a message that names the
 * operation and the path.
 */
final class S3Failures {

    /** S3 error codes that say "try again later", whatever the HTTP status. */
    private static final Set<String> TRANSIENT_CODES = Set.of(
            "InternalError", "ServiceUnavailable", "SlowDown", "RequestTimeout", "RequestTimeTooSkewed",
            "OperationAborted", "Throttling", "ThrottlingException", "RequestLimitExceeded");
    /** S3 error codes that no retry fixes. */
    private static final Set<String> PERMANENT_CODES = Set.of(
            "AccessDenied", "AllAccessDisabled", "InvalidAccessKeyId", "SignatureDoesNotMatch", "NoSuchBucket",
            "InvalidBucketName", "AccountProblem", "InvalidObjectState", "EntityTooLarge", "InvalidArgument",
            "MethodNotAllowed", "NotImplemented", "ExpiredToken", "InvalidToken");

    private S3Failures() {
    }

    /**
     * @param operation what was being done, e.g. {@code "Upload of"}
     * @param path      the relative path concerned, or null
     */
    static CdnPublishException classify(String operation, String path, Throwable failure) {
        String what = operation + (path == null ? "" : " " + path);
        if (failure instanceof CdnPublishException already) {
            return already;
        }
        ErrorResponseException refused = find(failure, ErrorResponseException.class);
        if (refused != null) {
            String code = refused.errorResponse().code();
            int status = refused.response() == null ? 0 : refused.response().code();
            CdnFailureKind kind = kindOf(code, status);
            return new CdnPublishException(kind, path, what + " failed: the store answered " + status + " " + code
                                                       + " (" + refused.errorResponse().message() + ")", failure);
        }
        if (find(failure, GuardedDns.RefusedAddressException.class) != null) {
            return new CdnPublishException(CdnFailureKind.PERMANENT, path, what + " refused: "
                                           + find(failure, GuardedDns.RefusedAddressException.class).getMessage(),
                                           failure);
        }
        ServerException server = find(failure, ServerException.class);
        if (server != null) {
            CdnFailureKind kind = server.statusCode() >= 500 || server.statusCode() == 429 || server.statusCode() == 408
                                  ? CdnFailureKind.TRANSIENT : CdnFailureKind.PERMANENT;
            return new CdnPublishException(kind, path, what + " failed: the store answered " + server.statusCode()
                                                       + " (" + server.getMessage() + ")", failure);
        }
        IOException io = find(failure, IOException.class);
        if (io != null) {
            return new CdnPublishException(CdnFailureKind.TRANSIENT, path, what + " failed: " + describeNetwork(io),
                                           failure);
        }
        if (find(failure, InvalidResponseException.class) != null || find(failure, XmlParserException.class) != null
            || find(failure, InsufficientDataException.class) != null) {
            return new CdnPublishException(CdnFailureKind.TRANSIENT, path, what + " failed: the store sent an answer"
                                           + " that is not S3's (" + failure.getMessage() + ")", failure);
        }
        if (find(failure, InternalException.class) != null || failure instanceof IllegalArgumentException) {
            return new CdnPublishException(CdnFailureKind.PERMANENT, path, what + " failed: " + failure.getMessage(),
                                           failure);
        }
        // Unknown: treat as passing. The retry schedule still ends in a dead letter an operator sees.
        return new CdnPublishException(CdnFailureKind.TRANSIENT, path, what + " failed: " + failure, failure);
    }

    static CdnFailureKind kindOf(String code, int status) {
        if (code != null && TRANSIENT_CODES.contains(code)) {
            return CdnFailureKind.TRANSIENT;
        }
        if (code != null && PERMANENT_CODES.contains(code)) {
            return CdnFailureKind.PERMANENT;
        }
        return status >= 500 || status == 429 || status == 408 ? CdnFailureKind.TRANSIENT : CdnFailureKind.PERMANENT;
    }

    private static String describeNetwork(IOException io) {
        String reason;
        if (io instanceof ConnectException) {
            reason = "cannot connect to the store";
        } else if (io instanceof SocketTimeoutException || io instanceof InterruptedIOException) {
            reason = "the store did not answer in time";
        } else if (io instanceof UnknownHostException) {
            reason = "the store's host name does not resolve";
        } else {
            reason = "the connection to the store failed";
        }
        return reason + " (" + io.getClass().getSimpleName() + (io.getMessage() == null ? "" : ": " + io.getMessage())
               + ")";
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
