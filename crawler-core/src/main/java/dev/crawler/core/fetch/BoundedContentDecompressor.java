package dev.crawler.core.fetch;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.DecoderJNI;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.compression.DecompressionException;
import io.netty.handler.codec.compression.JdkZlibDecoder;
import io.netty.handler.codec.compression.ZlibWrapper;
import io.netty.handler.codec.http.HttpContentDecoder;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Removes {@code gzip}, {@code deflate} and {@code br} content encodings, never inflating more than
 * the body limit: a gzip or brotli bomb ends as a {@link BodyTooLargeException} (counted
 * {@link FailureClass#TOO_LARGE}) after at most {@code maxBytes} of output, however small it was on
 * the wire.
 *
 * <p>Netty's own {@code HttpContentDecompressor} inflates each network read completely before
 * passing it on; with a ratio of 1000:1 a 64 KiB read becomes 64 MiB in memory. Here the zlib decoder
 * may allocate at most {@code maxBytes} per read, and the brotli decoder counts what it produced and
 * stops at the limit. Any other encoding is passed through undecoded, and the page then fails to
 * parse as what it claims to be.
 *
 * <p>One instance per channel (the decoders keep per-response state).
 */
final class BoundedContentDecompressor extends HttpContentDecoder {
    /** Whether the brotli native library loaded; {@code br} is advertised only then. */
    static final boolean BROTLI = loadBrotli();

    private final int maxBytes;

    BoundedContentDecompressor(long maxBytes) {
        this.maxBytes = (int) Math.min(maxBytes, Integer.MAX_VALUE - 8);
    }

    /** The {@code Accept-Encoding} this decoder can honour. */
    static String acceptEncoding() {
        return BROTLI ? "gzip, deflate, br" : "gzip, deflate";
    }

    @Override
    protected @Nullable EmbeddedChannel newContentDecoder(String contentEncoding) {
        String encoding = contentEncoding.trim().toLowerCase(Locale.ROOT);
        ChannelHandler decoder = switch (encoding) {
            case "gzip", "x-gzip" -> new CappedZlibDecoder(ZlibWrapper.GZIP, maxBytes);
            // ZLIB_OR_NONE: servers disagree on whether "deflate" means zlib-wrapped or raw deflate.
            case "deflate", "x-deflate" -> new CappedZlibDecoder(ZlibWrapper.ZLIB_OR_NONE, maxBytes);
            case "br" -> BROTLI ? new CappedBrotliDecoder(maxBytes) : null;
            default -> null;
        };
        if (decoder == null) {
            return null;
        }
        return new EmbeddedChannel(ctx.channel().id(), ctx.channel().metadata().hasDisconnect(), ctx.channel().config(), decoder);
    }

    private static boolean loadBrotli() {
        // Loading a native library reads files: it happens here, when the fetcher is built, never on an event loop.
        return Brotli4jLoader.isAvailable();
    }

    /** Netty's zlib decoder with an allocation ceiling whose breach is reported as "too large", not as corrupt. */
    private static final class CappedZlibDecoder extends JdkZlibDecoder {
        private final int maxBytes;

        CappedZlibDecoder(ZlibWrapper wrapper, int maxBytes) {
            super(wrapper, maxBytes);
            this.maxBytes = maxBytes;
        }

        @Override
        protected void decompressionBufferExhausted(ByteBuf buffer) {
            throw new BodyTooLargeException(maxBytes);
        }
    }

    /**
     * Brotli through brotli4j, as Netty's {@code BrotliDecoder} does it, but counting the output and
     * stopping at {@code maxBytes} instead of inflating a whole read first.
     */
    private static final class CappedBrotliDecoder extends ByteToMessageDecoder {
        private static final int INPUT_BUFFER_BYTES = 8 * 1024;

        private final long maxBytes;
        private DecoderJNI.@Nullable Wrapper decoder;
        private long produced;
        private boolean finished;

        CappedBrotliDecoder(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
            decoder = new DecoderJNI.Wrapper(INPUT_BUFFER_BYTES);
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
            if (finished || decoder == null) {
                in.skipBytes(in.readableBytes());
                return;
            }
            while (true) {
                switch (decoder.getStatus()) {
                    case DONE -> {
                        finish();
                        in.skipBytes(in.readableBytes());
                        return;
                    }
                    case OK -> decoder.push(0);
                    case NEEDS_MORE_INPUT -> {
                        drain(ctx, out);
                        if (!in.isReadable()) {
                            return;
                        }
                        ByteBuffer input = decoder.getInputBuffer();
                        input.clear();
                        int length = Math.min(in.readableBytes(), input.remaining());
                        in.readBytes(input.slice().limit(length));
                        decoder.push(length);
                    }
                    case NEEDS_MORE_OUTPUT -> drain(ctx, out);
                    default -> {
                        finish();
                        in.skipBytes(in.readableBytes());
                        throw new DecompressionException("brotli stream corrupted");
                    }
                }
            }
        }

        private void drain(ChannelHandlerContext ctx, List<Object> out) {
            while (decoder != null && decoder.hasOutput()) {
                ByteBuffer chunk = decoder.pull();
                produced += chunk.remaining();
                if (produced > maxBytes) {
                    finish();
                    throw new BodyTooLargeException(maxBytes);
                }
                out.add(ctx.alloc().heapBuffer(chunk.remaining()).writeBytes(chunk));
            }
        }

        private void finish() {
            finished = true;
            if (decoder != null) {
                decoder.destroy();
                decoder = null;
            }
        }

        @Override
        protected void handlerRemoved0(ChannelHandlerContext ctx) {
            finish();
        }
    }
}
