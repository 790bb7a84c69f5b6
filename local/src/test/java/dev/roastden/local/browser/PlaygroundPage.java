package dev.roastden.local.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.roastden.handler.RequestLog;
import dev.roastden.local.LocalConfig;
import dev.roastden.local.LocalSystem;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * The local system with its playground open in headless Chromium, for browser tests: started once per test class,
 * skipped with a message where no browser is installed (under CI=true a missing browser is a failure instead).
 */
final class PlaygroundPage implements AutoCloseable {
    static final Duration REPLY = Duration.ofSeconds(30);

    final LocalSystem system;
    final WebDriverSession browser;

    private PlaygroundPage(LocalSystem system, WebDriverSession browser) {
        this.system = system;
        this.browser = browser;
    }

    /** Starts the system and a browser showing the playground in a {@code width} × {@code height} viewport. */
    static PlaygroundPage open(int width, int height) throws Exception {
        Optional<WebDriverSession.Browser> found = WebDriverSession.browser();
        if (found.isEmpty()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI must run the browser test: install chromium and chromium-driver,"
                        + " or set CHROME_BIN and CHROMEDRIVER");
            }
            assumeTrue(
                    false,
                    "Skipped: no browser for the test (apt-get install chromium chromium-driver,"
                            + " or set CHROME_BIN and CHROMEDRIVER)");
        }
        LocalSystem system = LocalSystem.start(LocalConfig.forTests(), RequestLog.silent());
        WebDriverSession browser;
        try {
            browser = WebDriverSession.start(found.get());
            browser.viewport(width, height);
            browser.open("http://127.0.0.1:" + system.port() + "/");
            browser.await("document.body.dataset.ready === 'true'", Duration.ofSeconds(20));
        } catch (Exception | AssertionError e) {
            system.close();
            throw e;
        }
        return new PlaygroundPage(system, browser);
    }

    int botMessages() throws IOException {
        return browser.script("return document.querySelectorAll('.message.bot').length;")
                .asInt();
    }

    /** Sends the command and waits until its message has turned from "thinking…" into the reply; returns it. */
    String sendAndAwaitReply() throws IOException {
        int before = botMessages();
        browser.click("#send");
        browser.await(
                "(() => { const all = document.querySelectorAll('.message.bot');" + " return all.length > " + before
                        + " && all[all.length - 1].dataset.state === 'done'; })()",
                REPLY);
        return browser.script("const all = document.querySelectorAll('.message.bot');"
                        + " return all[all.length - 1].innerText;")
                .asText();
    }

    @Override
    public void close() {
        browser.close();
        system.close();
    }
}
