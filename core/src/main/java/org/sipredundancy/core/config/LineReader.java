package org.sipredundancy.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a provisioning file line by line with bounded memory (R-CFG-1): lines end with LF or CRLF, a UTF-8 byte
 * order mark at the start is dropped, bytes that are not UTF-8 are replaced by U+FFFD and the line is flagged, and
 * a line longer than the limit is flagged and skipped without being held whole. Splitting on the LF byte is safe
 * before decoding, since 0x0A never occurs inside a multi-byte UTF-8 sequence. Not thread safe.
 */
final class LineReader
{
    private static final int BUFFER_BYTES = 64 * 1024;
    private static final int INITIAL_LINE_BYTES = 256;
    /** A UTF-8 sequence is at most 4 bytes and yields at least one char; a BOM and a CR add a little more. */
    private static final int BYTES_PER_CHAR_BOUND = 4;
    private static final int SLACK_BYTES = 8;
    private static final byte LF = '\n';
    private static final byte CR = '\r';
    private static final char REPLACEMENT = '\uFFFD';

    private final InputStream in;
    private final int maxLineChars;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);

    private int bufferLength;
    private int bufferPosition;
    private boolean endOfInput;
    private byte[] lineBytes = new byte[INITIAL_LINE_BYTES];
    private int lineLength;
    private long lineTotalBytes;
    private boolean lineOverflow;
    private boolean lineNonAscii;
    private int lineNumber;
    private String text;
    private boolean tooLong;
    private boolean malformed;

    LineReader(final InputStream in, final int maxLineChars)
    {
        this.in = in;
        this.maxLineChars = maxLineChars;
        this.maxLineBytes = (int)Math.min(
            Integer.MAX_VALUE - SLACK_BYTES, (long)maxLineChars * BYTES_PER_CHAR_BOUND + SLACK_BYTES);
    }

    /**
     * Move to the next line.
     *
     * @return false at the end of the input.
     * @throws IOException when the input cannot be read.
     */
    boolean next() throws IOException
    {
        if (endOfInput)
        {
            return false;
        }
        lineLength = 0;
        lineTotalBytes = 0;
        lineOverflow = false;
        lineNonAscii = false;

        while (true)
        {
            if (bufferPosition == bufferLength && !fill())
            {
                endOfInput = true;
                if (lineTotalBytes > 0)
                {
                    finishLine();
                    return true;
                }
                return false;
            }

            final int start = bufferPosition;
            int end = start;
            while (end < bufferLength && buffer[end] != LF)
            {
                end++;
            }
            append(start, end);
            if (end < bufferLength)
            {
                bufferPosition = end + 1;
                finishLine();
                return true;
            }
            bufferPosition = bufferLength;
        }
    }

    /**
     * @return the 1-based number of the current line.
     */
    int lineNumber()
    {
        return lineNumber;
    }

    /**
     * @return the current line without its line ending, or null when it is too long.
     */
    String text()
    {
        return text;
    }

    /**
     * @return whether the current line is longer than the limit and was skipped.
     */
    boolean isTooLong()
    {
        return tooLong;
    }

    /**
     * @return whether the current line held bytes that are not UTF-8.
     */
    boolean isMalformed()
    {
        return malformed;
    }

    private boolean fill() throws IOException
    {
        int read;
        do
        {
            read = in.read(buffer, 0, buffer.length);
        }
        while (read == 0);
        if (read < 0)
        {
            return false;
        }
        bufferPosition = 0;
        bufferLength = read;
        return true;
    }

    private void append(final int start, final int end)
    {
        final int count = end - start;
        lineTotalBytes += count;
        if (lineOverflow || count == 0)
        {
            return;
        }
        if (lineLength + count > maxLineBytes)
        {
            lineOverflow = true;
            return;
        }
        if (lineLength + count > lineBytes.length)
        {
            final byte[] grown = new byte[Math.min(maxLineBytes, Math.max(lineBytes.length * 2, lineLength + count))];
            System.arraycopy(lineBytes, 0, grown, 0, lineLength);
            lineBytes = grown;
        }
        for (int i = start; i < end; i++)
        {
            final byte b = buffer[i];
            lineNonAscii |= b < 0;
            lineBytes[lineLength++] = b;
        }
    }

    private void finishLine()
    {
        lineNumber++;
        malformed = false;
        if (lineOverflow)
        {
            tooLong = true;
            text = null;
            return;
        }

        int offset = 0;
        if (lineNumber == 1 && lineLength >= 3 &&
            lineBytes[0] == (byte)0xEF && lineBytes[1] == (byte)0xBB && lineBytes[2] == (byte)0xBF)
        {
            offset = 3;
        }
        int length = lineLength - offset;
        if (length > 0 && lineBytes[offset + length - 1] == CR)
        {
            length--;
        }

        final String decoded = lineNonAscii ?
            decode(offset, length) : new String(lineBytes, offset, length, StandardCharsets.ISO_8859_1);
        tooLong = decoded.length() > maxLineChars;
        text = tooLong ? null : decoded;
    }

    private String decode(final int offset, final int length)
    {
        final ByteBuffer input = ByteBuffer.wrap(lineBytes, offset, length);
        final CharBuffer output = CharBuffer.allocate(length + 1);
        decoder.reset();
        while (true)
        {
            final CoderResult result = decoder.decode(input, output, true);
            if (!result.isError())
            {
                break;
            }
            malformed = true;
            output.put(REPLACEMENT);
            input.position(input.position() + result.length());
        }
        decoder.flush(output);
        output.flip();
        return output.toString();
    }
}
