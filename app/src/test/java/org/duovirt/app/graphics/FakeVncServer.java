package org.duovirt.app.graphics;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.duovirt.core.model.GraphicsEndpoint;
import org.duovirt.core.spi.GraphicsChannel;

/**
 * A small RFB 3.8 server on loopback for the console's UI tests: a screen of one colour, QEMU's extended key
 * events offered, and every key and pointer message the client sends written down ("key 0xffe3 down xt 0x1d").
 */
final class FakeVncServer implements AutoCloseable {
    final List<String> received = new CopyOnWriteArrayList<>();
    private final ServerSocket server;
    private final int width;
    private final int height;
    private final int rgb;
    private volatile Socket client;
    /** Sessions that got past the handshake. */
    final java.util.concurrent.atomic.AtomicInteger sessions = new java.util.concurrent.atomic.AtomicInteger();

    FakeVncServer(int width, int height, int rgb) throws IOException {
        this.width = width;
        this.height = height;
        this.rgb = rgb;
        server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::accept, "fake-vnc");
        t.setDaemon(true);
        t.start();
    }

    /** Opens a TCP channel to this server, as a backend would. */
    ChannelSource source() {
        return () -> {
            try {
                Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                return new GraphicsChannel() {
                    @Override
                    public InputStream fromServer() {
                        try {
                            return s.getInputStream();
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }

                    @Override
                    public OutputStream toServer() {
                        try {
                            return s.getOutputStream();
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }

                    @Override
                    public GraphicsEndpoint endpoint() {
                        return new GraphicsEndpoint("vnc", "127.0.0.1", server.getLocalPort(), null, null);
                    }

                    @Override
                    public String route() {
                        return "TCP 127.0.0.1:" + server.getLocalPort();
                    }

                    @Override
                    public void close() throws IOException {
                        s.close();
                    }
                };
            } catch (IOException e) {
                throw new org.duovirt.core.error.DuovirtException("fake server gone", e);
            }
        };
    }

    /** Drops the current client, as QEMU does when the VM stops. */
    void dropClient() throws IOException {
        Socket c = client;
        if (c != null) {
            c.close();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                client = s;
                serve(new DataInputStream(s.getInputStream()), new DataOutputStream(s.getOutputStream()));
            } catch (IOException e) {
                // client gone: wait for the next
            }
        }
    }

    private void serve(DataInputStream in, DataOutputStream out) throws IOException {
        out.write("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
        in.readFully(new byte[12]);
        out.write(new byte[] {1, 1});
        in.readByte();
        out.writeInt(0);
        in.readByte(); // shared flag
        out.writeShort(width);
        out.writeShort(height);
        out.write(new byte[16]);
        out.writeInt(4);
        out.write("fake".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        sessions.incrementAndGet();
        boolean acked = false;
        while (true) {
            int type = in.readUnsignedByte();
            switch (type) {
                case 0 -> in.readFully(new byte[19]);
                case 2 -> {
                    in.readByte();
                    in.readFully(new byte[4 * in.readUnsignedShort()]);
                }
                case 3 -> {
                    boolean incremental = in.readByte() != 0;
                    in.readFully(new byte[8]);
                    if (!acked) {
                        out.write(new byte[] {0, 0, 0, 1});
                        out.writeShort(0);
                        out.writeShort(0);
                        out.writeShort(0);
                        out.writeShort(0);
                        out.writeInt(-258);
                        acked = true;
                    }
                    if (!incremental) {
                        out.write(new byte[] {0, 0, 0, 1});
                        out.writeShort(0);
                        out.writeShort(0);
                        out.writeShort(width);
                        out.writeShort(height);
                        out.writeInt(0);
                        byte[] px = new byte[width * height * 4];
                        for (int i = 0; i < px.length; i += 4) {
                            px[i] = (byte) rgb;
                            px[i + 1] = (byte) (rgb >> 8);
                            px[i + 2] = (byte) (rgb >> 16);
                        }
                        out.write(px);
                    }
                    out.flush();
                }
                case 4 -> {
                    boolean down = in.readByte() != 0;
                    in.readShort();
                    received.add(String.format("key 0x%x %s", in.readInt(), down ? "down" : "up"));
                }
                case 5 -> {
                    int buttons = in.readUnsignedByte();
                    received.add("pointer " + in.readUnsignedShort() + "," + in.readUnsignedShort() + " " + buttons);
                }
                case 6 -> {
                    in.readFully(new byte[3]);
                    in.readFully(new byte[in.readInt()]);
                }
                case 255 -> {
                    in.readByte();
                    boolean down = in.readShort() != 0;
                    int keysym = in.readInt();
                    int xt = in.readInt();
                    received.add(String.format("key 0x%x %s xt 0x%x", keysym, down ? "down" : "up", xt));
                }
                default -> throw new IOException("unexpected client message " + type);
            }
        }
    }

    /** Only key events, in order. */
    List<String> keys() {
        return received.stream().filter(r -> r.startsWith("key")).toList();
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropClient();
    }
}
