package dev.roastden.handler;

import java.io.ByteArrayInputStream;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An SDK HTTP client that never connects: it answers every request with 200 and one fixed body. The warm-ups run a
 * client configured like the real one through it, so the SDK's whole pipeline is loaded and compiled without a
 * network call. (The SDK's own canned client for {@code SdkWarmUp} is not public API.)
 */
final class CannedHttpClient implements SdkHttpClient {
    private final byte[] body;

    CannedHttpClient(byte[] body) {
        this.body = body.clone();
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder().statusCode(200).build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                        .build();
            }

            @Override
            public void abort() {}
        };
    }

    @Override
    public String clientName() {
        return "RoastDenWarmUp";
    }

    @Override
    public void close() {}
}
