package dev.switchboard.classify.domain.rules;

/** The NHS number's Modulus 11 check (NHS Data Dictionary): weights 10..2 over digits 1-9. */
public final class NhsNumber {

  private NhsNumber() {}

  /** True when {@code digits} is ten digits whose tenth is the valid Modulus 11 check digit. */
  public static boolean valid(CharSequence digits) {
    if (digits.length() != 10) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      sum += (c - '0') * (10 - i);
    }
    int check = 11 - (sum % 11);
    if (check == 11) {
      check = 0;
    }
    char last = digits.charAt(9);
    return check != 10 && last >= '0' && last <= '9' && check == last - '0';
  }
}
