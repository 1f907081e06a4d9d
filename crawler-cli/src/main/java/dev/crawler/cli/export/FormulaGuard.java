package dev.crawler.cli.export;

/**
 * Neutralises text that a spreadsheet would run as a formula (a cell starting with {@code =},
 * {@code +}, {@code -}, {@code @}, tab or carriage return) by putting an apostrophe in front, as
 * OWASP recommends for CSV injection. Numbers and dates we format ourselves are never touched.
 */
final class FormulaGuard {
    private FormulaGuard() {
    }

    static String neutralise(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        boolean dangerous = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return dangerous ? "'" + cell : cell;
    }
}
