package dev.mlsdmock.datafiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads the project's data files (rubrics, prompts). Files in a directory on disk override the copies packaged
 * in the application, file by file, so a user can edit or add one file without copying the rest, and a
 * packaged jar still works when started from any working directory.
 */
public final class DataFiles {

    private DataFiles() {
    }

    /**
     * @param directory   the directory on disk (relative to the working directory or absolute); may not exist
     * @param packagedDir the directory name inside the application's resources
     * @param suffix      file name suffix to keep, e.g. {@code .yaml}
     * @return file name to content, sorted by name; the location of each file is in {@link Loaded#sources()}
     */
    public static Loaded read(Path directory, String packagedDir, String suffix) {
        Map<String, String> contents = new TreeMap<>();
        Map<String, String> sources = new TreeMap<>();
        readPackaged(packagedDir, suffix, contents, sources);
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList()) {
                    String name = file.getFileName().toString();
                    contents.put(name, Files.readString(file, StandardCharsets.UTF_8));
                    sources.put(name, file.toAbsolutePath().normalize().toString());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + directory.toAbsolutePath(), e);
            }
        }
        return new Loaded(Collections.unmodifiableMap(contents), Collections.unmodifiableMap(sources));
    }

    private static void readPackaged(String packagedDir, String suffix, Map<String, String> contents, Map<String, String> sources) {
        URL url = Thread.currentThread().getContextClassLoader().getResource(packagedDir);
        if (url == null) {
            return;
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs = jarFileSystem(uri);
                listInto(fs.getPath(packagedDir), suffix, contents, sources, "classpath:" + packagedDir + "/");
            } else {
                listInto(Path.of(uri), suffix, contents, sources, "classpath:" + packagedDir + "/");
            }
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("Cannot read the packaged " + packagedDir + " files", e);
        }
    }

    private static FileSystem jarFileSystem(URI uri) throws IOException {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            return FileSystems.getFileSystem(uri);
        }
    }

    private static void listInto(Path dir, String suffix, Map<String, String> contents, Map<String, String> sources,
                                 String label) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList()) {
                String name = file.getFileName().toString();
                contents.put(name, Files.readString(file, StandardCharsets.UTF_8));
                sources.put(name, label + name);
            }
        }
    }

    /** File contents by file name, and where each one was read from. */
    public record Loaded(Map<String, String> contents, Map<String, String> sources) {
    }
}
