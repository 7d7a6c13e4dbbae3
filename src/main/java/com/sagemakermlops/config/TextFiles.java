package com.sagemakermlops.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the text files the program is given (stack files, MDAA configs, plans, policy configs) within a size bound:
 * a device, a pipe or a folder is refused before it is opened, and no more than the bound is ever read.
 */
public final class TextFiles {
    /** A stack file or an MDAA config. */
    public static final long CONFIG_BYTES = 4L * 1024 * 1024;

    private TextFiles() {
    }

    /** Why {@code file} cannot be read as text, completing "FILE: ...". */
    public static final class UnreadableException extends RuntimeException {
        UnreadableException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The UTF-8 text of {@code file}.
     *
     * @throws UnreadableException when it is missing, not a regular file, larger than {@code maxBytes}, not UTF-8
     *                             or cannot be read
     */
    public static String read(Path file, long maxBytes) {
        if (!Files.exists(file)) {
            throw new UnreadableException("not found");
        }
        if (!Files.isRegularFile(file)) {
            throw new UnreadableException("not a regular file (a folder, device or pipe is not read)");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new UnreadableException("cannot be read (" + Optional.ofNullable(e.getMessage())
                    .orElse("input/output error") + ")");
        }
        if (bytes.length > maxBytes) {
            throw new UnreadableException("is larger than " + size(maxBytes) + ", the most read");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableException("is not UTF-8 text");
        }
    }

    static String size(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes + " bytes";
    }
}
