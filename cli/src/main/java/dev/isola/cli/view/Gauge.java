package dev.isola.cli.view;

/**
 * One live value of the board as the view shows it: {@code room.temperature} "21.84 °C".
 *
 * @param name the reading's dotted name
 * @param text its value with its unit
 */
public record Gauge(String name, String text) {}
