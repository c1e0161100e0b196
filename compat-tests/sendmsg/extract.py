#!/usr/bin/env python3
"""extract.py STRACE_LOG: prints the hex of IFLA_INFO_DATA / SLAVE_DATA of the
first RTM_NEWLINK request with IFLA_LINKINFO sent (strace -e write=all), or '-'."""
import re, struct, sys
bufs, cur = [], None
for line in open(sys.argv[1]):
    if re.match(r'^(\d+ +)?send(msg|to)\(', line):
        if cur is not None: bufs.append(bytes(cur))
        cur = bytearray(); continue
    m = re.match(r'^(?:\d+ +)? \| [0-9a-f]{5}  ((?:[0-9a-f]{2}  ?)+)', line)
    if m and cur is not None:
        cur += bytes.fromhex(m.group(1).replace(' ', ''))
if cur is not None: bufs.append(bytes(cur))
def attrs(b):
    i = 0
    while i + 4 <= len(b):
        l, t = struct.unpack_from('=HH', b, i)
        if l < 4 or i + l > len(b): break
        yield t & 0x3fff, b[i+4:i+l]
        i += (l + 3) & ~3
for b in bufs:
    if len(b) < 32: continue
    l, t = struct.unpack_from('=IH', b, 0)
    if t != 16: continue
    li = dict(attrs(b[32:l])).get(18)
    if li is None: continue
    info = dict(attrs(li))
    d = info.get(2, info.get(5))
    print(d.hex() if d is not None else 'nodata')
    sys.exit(0)
print('-')
