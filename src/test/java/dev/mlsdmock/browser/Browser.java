package dev.mlsdmock.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * A headless Chromium for one test, driven through the system's chromedriver (no Selenium Manager download), with
 * a fresh profile directory, waits that poll the page (never sleeps), screenshots under target/screenshots and the
 * browser console for error checks.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final URL base;
    private final Path profile;

    private Browser(URL base, int width, int height) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": install them with 'apt-get install -y chromium chromium-driver' (as .ci/run does)");
        }
        this.base = base;
        try {
            this.profile = Files.createTempDirectory("mlsd-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
    }

    public static Browser laptop(URL base) {
        return new Browser(base, 1280, 900);
    }

    /** A phone-sized window (the CSS width of a common phone). */
    public static Browser phone(URL base) {
        Browser b = new Browser(base, 500, 900);
        // A desktop window cannot be made that narrow; emulate the phone's viewport instead.
        b.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        return b;
    }

    /** Whether the page is wider than the window, i.e. needs scrolling sideways. */
    public boolean overflowsHorizontally() {
        return (Boolean) script("return document.documentElement.scrollWidth > window.innerWidth");
    }

    /** Logs in through the login form and waits for the home page. */
    public void logIn(String username, String password) {
        open("/login.html");
        awaitVisible("#login-username").sendKeys(username);
        find("#login-password").sendKeys(password);
        find("#login-submit").click();
        await(d -> currentPath().equals("/"), "the home page after logging in");
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(base.toString().replaceAll("/$", "") + path);
    }

    public String currentPath() {
        URL url;
        try {
            url = new URL(driver.getCurrentUrl());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return url.getPath() + (url.getQuery() == null ? "" : "?" + url.getQuery());
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public <T> T await(ExpectedCondition<T> condition, String what) {
        try {
            return new WebDriverWait(driver, WAIT).withMessage(what + " (page " + driver.getCurrentUrl() + ")")
                    .ignoring(StaleElementReferenceException.class).until(condition);
        } catch (TimeoutException e) {
            screenshot("failed-" + what.replaceAll("[^A-Za-z0-9]+", "-"));
            throw e;
        }
    }

    /** Waits until the element is there and visible. */
    /** Types an answer into the interview page's box and sends it (Ctrl+Enter). */
    public void answer(String text) {
        WebElement box = find("#answer");
        box.sendKeys(text);
        box.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
    }

    public WebElement awaitVisible(String css) {
        return await(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        }, "visible " + css);
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    public Object asyncScript(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(js, args);
    }

    /** A full-page screenshot under target/screenshots, for a person to look at. */
    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Object width = script("return document.documentElement.scrollWidth");
            Object height = script("return Math.min(document.documentElement.scrollHeight, 6000)");
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true,
                    "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
            Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Errors the page logged to the console since the last call (Chromium also logs failed requests here). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temp profile is harmless
            }
        }
    }
}
