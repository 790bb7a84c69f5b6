package dev.roastden.worker.bedrock;

import dev.roastden.core.model.ModelException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;
import software.amazon.awssdk.services.bedrockruntime.model.InternalServerException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/**
 * How a failed Bedrock Runtime call counts for retrying: throttling, 5xx, timeouts and network failures may pass;
 * validation, access and missing-resource errors will not.
 */
final class BedrockErrors {
    private BedrockErrors() {}

    /**
     * The failure as a {@link ModelException} of the right kind, with {@code e} as its cause; an SDK failure that is
     * neither a service error nor a client-side one is thrown again as it is.
     */
    static ModelException classify(SdkException e) {
        if (e instanceof ThrottlingException || e instanceof ServiceQuotaExceededException) {
            return new ModelException(ModelException.Kind.THROTTLED, "Bedrock throttled the request", e);
        }
        if (e instanceof InternalServerException
                || e instanceof ServiceUnavailableException
                || e instanceof ModelNotReadyException
                || e instanceof ModelTimeoutException
                || e instanceof ModelErrorException) {
            return new ModelException(
                    ModelException.Kind.TRANSIENT,
                    "Bedrock failed: " + e.getClass().getSimpleName(),
                    e);
        }
        if (e instanceof ValidationException
                || e instanceof AccessDeniedException
                || e instanceof ResourceNotFoundException) {
            return new ModelException(
                    ModelException.Kind.PERMANENT,
                    "Bedrock rejected the request: " + e.getClass().getSimpleName(),
                    e);
        }
        if (e instanceof BedrockRuntimeException service) {
            ModelException.Kind kind = service.statusCode() >= 500 || service.statusCode() == 429
                    ? ModelException.Kind.TRANSIENT
                    : ModelException.Kind.PERMANENT;
            return new ModelException(kind, "Bedrock error " + service.statusCode(), e);
        }
        if (e instanceof ApiCallTimeoutException) {
            return new ModelException(ModelException.Kind.TRANSIENT, "Bedrock did not answer in time", e);
        }
        if (e instanceof SdkClientException) {
            return new ModelException(ModelException.Kind.TRANSIENT, "Could not reach Bedrock", e);
        }
        throw e;
    }
}
