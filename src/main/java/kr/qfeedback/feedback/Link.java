package kr.qfeedback.feedback;

/** A link under a section; {@code qr} asks Q-Net to print it as a QR code too. */
public record Link(String label, String url, boolean qr) {}
