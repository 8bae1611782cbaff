import java.awt.Color;
import java.awt.Frame;
import java.awt.Graphics;

/**
 * An X client for XvncIT: a window with a striped pattern that it then scrolls with XCopyArea (AWT's
 * Graphics.copyArea), which TigerVNC's Xvnc sends to viewers as CopyRect. Run as a single-file program.
 */
public class CopyAreaClient {
    public static void main(String[] args) throws Exception {
        Frame frame = new Frame("duovirt-copyarea");
        frame.setUndecorated(true);
        frame.setBounds(20, 20, 400, 300);
        frame.setVisible(true);
        Thread.sleep(1000);
        Graphics g = frame.getGraphics();
        for (int i = 0; i < 400; i += 10) {
            g.setColor(new Color((i * 7) % 256, (i * 3) % 256, 255 - i % 256));
            g.fillRect(i, 0, 10, 300);
        }
        for (int step = 0; step < 200; step++) {
            Thread.sleep(150);
            g.copyArea(0, 0, 390, 300, 10, 0);
            frame.getToolkit().sync();
        }
        System.exit(0);
    }
}
