package narcosim.util;

/**
 * Bad input that the user can fix: an output path that exists or cannot be made, an experiment directory
 * whose files were edited or cut, an option that does not fit. The command line prints the message alone
 * (no stack trace) and exits with code 2.
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }
}
