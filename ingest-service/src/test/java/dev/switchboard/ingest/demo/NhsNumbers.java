package dev.switchboard.ingest.demo;

/** The NHS number's Modulus 11 check (uk-rules.md), written out here so the test owns it. */
final class NhsNumbers {

  private NhsNumbers() {}

  /** Whether the ten digits of {@code number} (spaces ignored) carry a valid check digit. */
  static boolean valid(String number) {
    String digits = number.replace(" ", "");
    if (!digits.matches("\\d{10}")) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (digits.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - (sum % 11);
    if (check == 11) {
      check = 0;
    }
    return check != 10 && check == digits.charAt(9) - '0';
  }
}
