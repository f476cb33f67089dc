#!/bin/bash
# Renders the application icon's PNG sizes from resources/icons/org.heraldmail.Herald.svg (needs rsvg-convert,
# Debian package librsvg2-bin). The PNGs are committed, so a build needs neither this script nor rsvg.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
icons=$root/resources/icons
for size in 16 24 32 48 64 128 256; do
    mkdir -p "$icons/hicolor/${size}x${size}/apps"
    rsvg-convert -w "$size" -h "$size" "$icons/org.heraldmail.Herald.svg" \
        -o "$icons/hicolor/${size}x${size}/apps/org.heraldmail.Herald.png"
done

# herald.ico (Windows installer and executable) and herald.icns (macOS bundle): both formats can hold PNGs as they are.
/usr/bin/python3 - "$icons" <<'PY'
import struct, sys
icons = sys.argv[1]
png = lambda size: open(f"{icons}/hicolor/{size}x{size}/apps/org.heraldmail.Herald.png", "rb").read()

sizes = [16, 24, 32, 48, 64, 128, 256]
entries, offset = [], 6 + 16 * len(sizes)
for size in sizes:
    data = png(size)
    entries.append((struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(data), offset), data))
    offset += len(data)
with open(f"{icons}/herald.ico", "wb") as ico:
    ico.write(struct.pack("<HHH", 0, 1, len(sizes)))
    ico.write(b"".join(header for header, _ in entries) + b"".join(data for _, data in entries))

chunks = b"".join(kind + struct.pack(">I", 8 + len(png(size))) + png(size)
                  for kind, size in [(b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256)])
with open(f"{icons}/herald.icns", "wb") as icns:
    icns.write(b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks)
PY
