package dev.roastden.local.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roastden.core.json.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A headless Chromium (or Chrome) driven through ChromeDriver's W3C WebDriver HTTP API with the JDK's HTTP client: enough to
 * open a page, type, click, read text and wait for conditions, without a browser-automation library.
 */
final class WebDriverSession implements AutoCloseable {
    /** Debian's {@code chromium} and {@code chromium-driver}. */
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Google Chrome, as GitHub's Ubuntu runners have it. */
    static final Path GOOGLE_CHROME = Path.of("/usr/bin/google-chrome");

    /** The browser and its driver, when both are there. */
    record Browser(Path binary, Path driver) {
        /**
         * {@code CHROME_BIN} and {@code CHROMEDRIVER} when set; otherwise Debian's chromium and chromium-driver;
         * otherwise Google Chrome with the driver in {@code CHROMEWEBDRIVER} (GitHub's Ubuntu runners). A variable
         * that is set but names nothing runnable is not passed over: the answer is then empty.
         */
        static Optional<Browser> find(Map<String, String> env, Predicate<Path> executable) {
            Optional<Path> binary = choose(env.get("CHROME_BIN"), List.of(CHROMIUM, GOOGLE_CHROME), executable);
            List<Path> drivers = new ArrayList<>(List.of(CHROMEDRIVER));
            String webDriverDir = env.get("CHROMEWEBDRIVER");
            if (webDriverDir != null && !webDriverDir.isBlank()) {
                drivers.add(Path.of(webDriverDir, "chromedriver"));
            }
            Optional<Path> driver = choose(env.get("CHROMEDRIVER"), drivers, executable);
            return binary.isPresent() && driver.isPresent()
                    ? Optional.of(new Browser(binary.get(), driver.get()))
                    : Optional.empty();
        }

        private static Optional<Path> choose(String override, List<Path> defaults, Predicate<Path> executable) {
            if (override != null && !override.isBlank()) {
                return Optional.of(Path.of(override)).filter(executable);
            }
            return defaults.stream().filter(executable).findFirst();
        }
    }

    private final Process driver;
    private final URI base;
    private final String sessionId;
    private final Path profile;
    private final HttpClient http = HttpClient.newHttpClient();

    private WebDriverSession(Process driver, URI base, String sessionId, Path profile) {
        this.driver = driver;
        this.base = base;
        this.sessionId = sessionId;
        this.profile = profile;
    }

    /** The browser on this machine (see {@link Browser#find}), if there is one. */
    static Optional<Browser> browser() {
        return Browser.find(System.getenv(), Files::isExecutable);
    }

    static WebDriverSession start(Browser browser) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process driver = new ProcessBuilder(browser.driver().toString(), "--port=" + port)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        URI base = URI.create("http://127.0.0.1:" + port);
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            try {
                HttpResponse<String> status = http.send(
                        HttpRequest.newBuilder(base.resolve("/status")).build(), HttpResponse.BodyHandlers.ofString());
                if (Json.mapper()
                        .readTree(status.body())
                        .path("value")
                        .path("ready")
                        .asBoolean()) {
                    break;
                }
            } catch (IOException notYetListening) {
                // ChromeDriver is still starting.
            }
            if (Instant.now().isAfter(deadline)) {
                driver.destroyForcibly();
                throw new IOException("ChromeDriver did not become ready");
            }
            pause();
        }
        Path profile = Files.createTempDirectory("roastden-chromium");
        ObjectNode capabilities = Json.mapper().createObjectNode();
        ObjectNode chrome =
                capabilities.putObject("capabilities").putObject("alwaysMatch").putObject("goog:chromeOptions");
        chrome.put("binary", browser.binary().toString());
        var args = chrome.putArray("args");
        for (String arg : List.of(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,900",
                "--user-data-dir=" + profile)) {
            args.add(arg);
        }
        JsonNode created = post(http, base.resolve("/session"), capabilities);
        String sessionId = created.path("value").path("sessionId").asText();
        if (sessionId.isEmpty()) {
            driver.destroyForcibly();
            throw new IOException("ChromeDriver did not start a session: " + created);
        }
        return new WebDriverSession(driver, base, sessionId, profile);
    }

    /** Shows pages in a {@code width} × {@code height} CSS-pixel viewport, as a phone of that size does. */
    void viewport(int width, int height) throws IOException {
        ObjectNode body = Json.mapper().createObjectNode().put("cmd", "Emulation.setDeviceMetricsOverride");
        body.putObject("params")
                .put("width", width)
                .put("height", height)
                .put("deviceScaleFactor", 1)
                .put("mobile", true);
        command("/goog/cdp/execute", body);
    }

    void open(String url) throws IOException {
        command("/url", Json.mapper().createObjectNode().put("url", url));
    }

    /** Runs JavaScript in the page and returns its result. */
    JsonNode script(String script, Object... args) throws IOException {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("script", script);
        var array = body.putArray("args");
        for (Object arg : args) {
            array.add(String.valueOf(arg));
        }
        return command("/execute/sync", body).path("value");
    }

    String element(String css) throws IOException {
        JsonNode found = command(
                "/element",
                Json.mapper().createObjectNode().put("using", "css selector").put("value", css));
        return found.path("value").path("element-6066-11e4-a52e-4f735466cecf").asText();
    }

    void click(String css) throws IOException {
        command("/element/" + element(css) + "/click", Json.mapper().createObjectNode());
    }

    void type(String css, String text) throws IOException {
        command(
                "/element/" + element(css) + "/value",
                Json.mapper().createObjectNode().put("text", text));
    }

    /** Sets a select's value and fires its change event, as a person picking an option would. */
    void select(String css, String value) throws IOException {
        script(
                "const e = document.querySelector(arguments[0]); e.value = arguments[1];"
                        + " e.dispatchEvent(new Event('change')); return e.value;",
                css,
                value);
    }

    /**
     * Re-evaluates {@code condition} (a JavaScript expression) until it is truthy; fails after {@code timeout}.
     *
     * @return the truthy value
     */
    JsonNode await(String condition, Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            JsonNode value = script("return (" + condition + ");");
            if (value != null && !value.isNull() && !(value.isBoolean() && !value.asBoolean())) {
                return value;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out waiting for: " + condition);
            }
            pause();
        }
    }

    /** A short pause between two checks of a condition (the condition, not the pause, is what is waited for). */
    private static void pause() {
        java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }

    byte[] screenshot() throws IOException {
        JsonNode value = get("/screenshot").path("value");
        return Base64.getDecoder().decode(value.asText());
    }

    private JsonNode command(String path, JsonNode body) throws IOException {
        JsonNode result = post(http, base.resolve("/session/" + sessionId + path), body);
        Optional<String> error =
                Optional.of(result.path("value").path("error").asText("")).filter(s -> !s.isEmpty());
        if (error.isPresent()) {
            throw new IOException("WebDriver " + path + ": " + error.get() + " "
                    + result.path("value").path("message").asText());
        }
        return result;
    }

    private JsonNode get(String path) throws IOException {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(base.resolve("/session/" + sessionId + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return Json.mapper().readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static JsonNode post(HttpClient http, URI uri, JsonNode body) throws IOException {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return Json.mapper().readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        try {
            http.send(
                    HttpRequest.newBuilder(base.resolve("/session/" + sessionId))
                            .DELETE()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException | InterruptedException ignored) {
            // The driver is stopped below either way.
        }
        driver.destroy();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temporary profile is harmless.
        }
    }
}
