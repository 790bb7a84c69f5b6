package dev.roastden.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roastden.local.browser.WebDriverSession.Browser;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which browser and driver the playground's browser test drives, on Debian, on GitHub's runners and by choice. */
class BrowserFindTest {
    private static final Path RUNNER_DRIVER = Path.of("/usr/local/share/chromedriver-linux64/chromedriver");

    @Test
    void debiansChromiumAndDriverComeFirst() {
        Set<Path> installed =
                Set.of(WebDriverSession.CHROMIUM, WebDriverSession.CHROMEDRIVER, WebDriverSession.GOOGLE_CHROME);
        assertThat(Browser.find(Map.of(), installed::contains))
                .contains(new Browser(WebDriverSession.CHROMIUM, WebDriverSession.CHROMEDRIVER));
    }

    @Test
    void githubsRunnerHasGoogleChromeAndADriverDirectory() {
        Set<Path> installed = Set.of(WebDriverSession.GOOGLE_CHROME, RUNNER_DRIVER);
        assertThat(Browser.find(
                        Map.of("CHROMEWEBDRIVER", "/usr/local/share/chromedriver-linux64"), installed::contains))
                .contains(new Browser(WebDriverSession.GOOGLE_CHROME, RUNNER_DRIVER));
    }

    @Test
    void theVariablesWinOverWhatIsInstalled() {
        Path chrome = Path.of("/opt/chrome/chrome");
        Path driver = Path.of("/opt/chrome/chromedriver");
        Set<Path> installed = Set.of(WebDriverSession.CHROMIUM, WebDriverSession.CHROMEDRIVER, chrome, driver);
        assertThat(Browser.find(
                        Map.of("CHROME_BIN", chrome.toString(), "CHROMEDRIVER", driver.toString()),
                        installed::contains))
                .contains(new Browser(chrome, driver));
    }

    @Test
    void aVariableNamingNothingRunnableIsNotPassedOver() {
        Set<Path> installed = Set.of(WebDriverSession.CHROMIUM, WebDriverSession.CHROMEDRIVER);
        assertThat(Browser.find(Map.of("CHROMEDRIVER", "/nowhere/chromedriver"), installed::contains))
                .isEmpty();
    }

    @Test
    void aBrowserWithoutADriverIsNoBrowser() {
        Set<Path> installed = Set.of(WebDriverSession.GOOGLE_CHROME);
        assertThat(Browser.find(Map.of(), installed::contains)).isEmpty();
    }
}
