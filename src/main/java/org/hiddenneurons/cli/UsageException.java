package org.hiddenneurons.cli;

/** A problem the user can fix (bad arguments, incompatible files): reported as one line, exit code 2. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
