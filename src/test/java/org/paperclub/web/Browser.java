package org.paperclub.web;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Headless Debian Chromium driven by Debian's chromedriver: no tool downloads a browser. Missing Chromium skips
 * the browser tests on a developer's machine, but fails them under CI ({@code -Dpaperclub.browser=required} or
 * {@code CI=true}), so that CI can never pass by not testing the page.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    final WebDriver driver;
    private final Path profile;

    private Browser(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Browser start() throws IOException {
        String mode = System.getProperty("paperclub.browser", "auto");
        boolean required = "required".equals(mode) || "true".equalsIgnoreCase(System.getenv("CI"));
        boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!present) {
            if (required) {
                fail("Browser tests are required here, but " + CHROMIUM + " or " + CHROMEDRIVER
                        + " is missing: apt-get install chromium chromium-driver");
            }
            Assumptions.abort("Chromium is not installed; browser tests skipped (apt-get install chromium chromium-driver)");
        }
        Assumptions.assumeFalse("skip".equals(mode) && !required, "browser tests turned off with -Dpaperclub.browser=skip");
        Path profile = Files.createTempDirectory("paperclub-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,1600", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), profile);
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    WebElement await(By by) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void signIn(String baseUrl, String email) {
        // A fresh page load without cookies: the app then starts signed out, whoever used it before.
        driver.get("about:blank");
        driver.get(baseUrl + "/index.html");
        driver.manage().deleteAllCookies();
        driver.get(baseUrl + "/#/login");
        driver.navigate().refresh();
        await(By.id("login-email")).clear();
        driver.findElement(By.id("login-email")).sendKeys(email);
        driver.findElement(By.id("login-password")).sendKeys("paperclub");
        driver.findElement(By.id("login-submit")).click();
        await(By.id("sign-out"));
    }

    /** Goes to a view of the page, as following a link would. */
    void open(String baseUrl, String hash) {
        driver.get(baseUrl + "/" + hash);
    }

    /** Saves the page as it looks now in target/screenshots/{name}.png, to be looked at. */
    void screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.copy(((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath(),
                dir.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Saves the page as it looks on a desktop and on a 375 px phone ({name}-desktop.png, {name}-phone.png). */
    void screenshots(String name) throws IOException {
        screenshot(name + "-desktop");
        org.openqa.selenium.Dimension desktop = driver.manage().window().getSize();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(375, 812));
        try {
            Thread.sleep(300);
            screenshot(name + "-phone");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            driver.manage().window().setSize(desktop);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
