//! glibc 2.36's strerror() messages (string/_strerror.c, sysdeps/gnu/errlist.h),
//! as rip's own table: the bytes rip prints do not depend on the C library
//! it is linked with (musl words many of these differently).

/// The messages for errno 0..=133, one after the other; ERRLIST_END[i] is where message i ends.
const ERRLIST: &str = concat!(
    "Success",                                           // 0
    "Operation not permitted",                           // 1
    "No such file or directory",                         // 2
    "No such process",                                   // 3
    "Interrupted system call",                           // 4
    "Input/output error",                                // 5
    "No such device or address",                         // 6
    "Argument list too long",                            // 7
    "Exec format error",                                 // 8
    "Bad file descriptor",                               // 9
    "No child processes",                                // 10
    "Resource temporarily unavailable",                  // 11
    "Cannot allocate memory",                            // 12
    "Permission denied",                                 // 13
    "Bad address",                                       // 14
    "Block device required",                             // 15
    "Device or resource busy",                           // 16
    "File exists",                                       // 17
    "Invalid cross-device link",                         // 18
    "No such device",                                    // 19
    "Not a directory",                                   // 20
    "Is a directory",                                    // 21
    "Invalid argument",                                  // 22
    "Too many open files in system",                     // 23
    "Too many open files",                               // 24
    "Inappropriate ioctl for device",                    // 25
    "Text file busy",                                    // 26
    "File too large",                                    // 27
    "No space left on device",                           // 28
    "Illegal seek",                                      // 29
    "Read-only file system",                             // 30
    "Too many links",                                    // 31
    "Broken pipe",                                       // 32
    "Numerical argument out of domain",                  // 33
    "Numerical result out of range",                     // 34
    "Resource deadlock avoided",                         // 35
    "File name too long",                                // 36
    "No locks available",                                // 37
    "Function not implemented",                          // 38
    "Directory not empty",                               // 39
    "Too many levels of symbolic links",                 // 40
    "Unknown error 41",                                  // 41
    "No message of desired type",                        // 42
    "Identifier removed",                                // 43
    "Channel number out of range",                       // 44
    "Level 2 not synchronized",                          // 45
    "Level 3 halted",                                    // 46
    "Level 3 reset",                                     // 47
    "Link number out of range",                          // 48
    "Protocol driver not attached",                      // 49
    "No CSI structure available",                        // 50
    "Level 2 halted",                                    // 51
    "Invalid exchange",                                  // 52
    "Invalid request descriptor",                        // 53
    "Exchange full",                                     // 54
    "No anode",                                          // 55
    "Invalid request code",                              // 56
    "Invalid slot",                                      // 57
    "Unknown error 58",                                  // 58
    "Bad font file format",                              // 59
    "Device not a stream",                               // 60
    "No data available",                                 // 61
    "Timer expired",                                     // 62
    "Out of streams resources",                          // 63
    "Machine is not on the network",                     // 64
    "Package not installed",                             // 65
    "Object is remote",                                  // 66
    "Link has been severed",                             // 67
    "Advertise error",                                   // 68
    "Srmount error",                                     // 69
    "Communication error on send",                       // 70
    "Protocol error",                                    // 71
    "Multihop attempted",                                // 72
    "RFS specific error",                                // 73
    "Bad message",                                       // 74
    "Value too large for defined data type",             // 75
    "Name not unique on network",                        // 76
    "File descriptor in bad state",                      // 77
    "Remote address changed",                            // 78
    "Can not access a needed shared library",            // 79
    "Accessing a corrupted shared library",              // 80
    ".lib section in a.out corrupted",                   // 81
    "Attempting to link in too many shared libraries",   // 82
    "Cannot exec a shared library directly",             // 83
    "Invalid or incomplete multibyte or wide character", // 84
    "Interrupted system call should be restarted",       // 85
    "Streams pipe error",                                // 86
    "Too many users",                                    // 87
    "Socket operation on non-socket",                    // 88
    "Destination address required",                      // 89
    "Message too long",                                  // 90
    "Protocol wrong type for socket",                    // 91
    "Protocol not available",                            // 92
    "Protocol not supported",                            // 93
    "Socket type not supported",                         // 94
    "Operation not supported",                           // 95
    "Protocol family not supported",                     // 96
    "Address family not supported by protocol",          // 97
    "Address already in use",                            // 98
    "Cannot assign requested address",                   // 99
    "Network is down",                                   // 100
    "Network is unreachable",                            // 101
    "Network dropped connection on reset",               // 102
    "Software caused connection abort",                  // 103
    "Connection reset by peer",                          // 104
    "No buffer space available",                         // 105
    "Transport endpoint is already connected",           // 106
    "Transport endpoint is not connected",               // 107
    "Cannot send after transport endpoint shutdown",     // 108
    "Too many references: cannot splice",                // 109
    "Connection timed out",                              // 110
    "Connection refused",                                // 111
    "Host is down",                                      // 112
    "No route to host",                                  // 113
    "Operation already in progress",                     // 114
    "Operation now in progress",                         // 115
    "Stale file handle",                                 // 116
    "Structure needs cleaning",                          // 117
    "Not a XENIX named type file",                       // 118
    "No XENIX semaphores available",                     // 119
    "Is a named type file",                              // 120
    "Remote I/O error",                                  // 121
    "Disk quota exceeded",                               // 122
    "No medium found",                                   // 123
    "Wrong medium type",                                 // 124
    "Operation canceled",                                // 125
    "Required key not available",                        // 126
    "Key has expired",                                   // 127
    "Key has been revoked",                              // 128
    "Key was rejected by service",                       // 129
    "Owner died",                                        // 130
    "State not recoverable",                             // 131
    "Operation not possible due to RF-kill",             // 132
    "Memory page has hardware error",                    // 133
);
const ERRLIST_END: [u16; 134] = [
    7, 30, 55, 70, 93, 111, 136, 158, 175, 194, 212, 244, 266, 283, 294, 315, 338, 349, 374, 388, 403, 417, 433, 462,
    481, 511, 525, 539, 562, 574, 595, 609, 620, 652, 681, 706, 724, 742, 766, 785, 818, 834, 860, 878, 905, 929, 943,
    956, 980, 1008, 1034, 1048, 1064, 1090, 1103, 1111, 1131, 1143, 1159, 1179, 1198, 1215, 1228, 1252, 1281, 1302,
    1318, 1339, 1354, 1367, 1394, 1408, 1426, 1444, 1455, 1492, 1518, 1546, 1568, 1606, 1642, 1673, 1720, 1757, 1806,
    1849, 1867, 1881, 1911, 1939, 1955, 1985, 2007, 2029, 2054, 2077, 2106, 2146, 2168, 2199, 2214, 2236, 2271, 2303,
    2327, 2352, 2391, 2426, 2471, 2505, 2525, 2543, 2555, 2571, 2600, 2625, 2642, 2666, 2693, 2722, 2742, 2758, 2777,
    2792, 2809, 2827, 2853, 2868, 2888, 2915, 2925, 2946, 2983, 3013,
];

/// glibc's strerror(errno): its message, or "Unknown error N" for a number
/// it has none for (negative ones included).
pub fn strerror(errno: i32) -> String {
    match message(errno) {
        Some(m) => m.to_string(),
        None => format!("Unknown error {}", errno),
    }
}

/// The message of a known errno (0..=133).
pub fn message(errno: i32) -> Option<&'static str> {
    let i = usize::try_from(errno).ok()?;
    let end = usize::from(*ERRLIST_END.get(i)?);
    let start = match i.checked_sub(1) {
        Some(p) => usize::from(*ERRLIST_END.get(p)?),
        None => 0,
    };
    ERRLIST.get(start..end)
}

/// glibc 2.36's hstrerror() (resolv/herror.c): the words for an h_errno
/// value, as herror() prints them. musl words them differently ("Try
/// again" for TRY_AGAIN, "Unknown error" for 0).
pub fn hstrerror(h: i32) -> &'static str {
    match h {
        i32::MIN..=-1 => "Resolver internal error",
        0 => "Resolver Error 0 (no error)",
        1 => "Unknown host",
        2 => "Host name lookup failure",
        3 => "Unknown server error",
        4 => "No address associated with name",
        _ => "Unknown resolver error",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_consistent() {
        assert_eq!(ERRLIST_END.last().map(|&e| usize::from(e)), Some(ERRLIST.len()));
        assert!(ERRLIST_END.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn glibc_words() {
        assert_eq!(strerror(0), "Success");
        assert_eq!(strerror(libc::EPERM), "Operation not permitted");
        assert_eq!(strerror(libc::EHOSTUNREACH), "No route to host");
        assert_eq!(strerror(libc::ENETUNREACH), "Network is unreachable");
        assert_eq!(strerror(libc::EOPNOTSUPP), "Operation not supported");
        assert_eq!(strerror(133), "Memory page has hardware error");
        assert_eq!(strerror(134), "Unknown error 134");
        assert_eq!(strerror(41), "Unknown error 41");
        assert_eq!(strerror(-1), "Unknown error -1");
        assert_eq!(strerror(i32::MIN), "Unknown error -2147483648");
    }

    /// On glibc the table is the C library's own text, errno by errno.
    #[cfg(target_env = "gnu")]
    #[test]
    fn same_as_the_linked_glibc() {
        for e in -2..200 {
            // SAFETY: strerror returns a NUL-terminated static string; one thread.
            let c = unsafe { std::ffi::CStr::from_ptr(libc::strerror(e)) };
            assert_eq!(strerror(e), c.to_string_lossy(), "errno {}", e);
        }
    }

    /// hstrerror() against the linked glibc's.
    #[cfg(target_env = "gnu")]
    #[test]
    fn hstrerror_as_glibc() {
        extern "C" {
            fn hstrerror(err: libc::c_int) -> *const libc::c_char;
        }
        for h in [-2, -1, 0, 1, 2, 3, 4, 5, 6, 100, i32::MIN, i32::MAX] {
            // SAFETY: hstrerror returns a NUL-terminated static string.
            let c = unsafe { std::ffi::CStr::from_ptr(hstrerror(h)) };
            assert_eq!(super::hstrerror(h), c.to_string_lossy(), "h_errno {}", h);
        }
    }
}
