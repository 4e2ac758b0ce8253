package kr.qfeedback;
public final class Main { public static void main(String[] a) {} }
