// Demo product pictures drawn locally (no downloads): a tinted backdrop and a simple motif.
const motifs: Record<string, string> = {
  ingot: '<path d="M250 380 L330 300 L470 300 L550 380 Z" /><path d="M250 380 L550 380 L550 420 L250 420 Z" opacity=".75"/>',
  coil: '<circle cx="400" cy="330" r="120"/><circle cx="400" cy="330" r="45" fill="#fff" opacity=".6"/>',
  grain:
    '<ellipse cx="340" cy="300" rx="28" ry="60" transform="rotate(-20 340 300)"/><ellipse cx="420" cy="280" rx="28" ry="60"/><ellipse cx="500" cy="300" rx="28" ry="60" transform="rotate(20 500 300)"/><rect x="410" y="330" width="20" height="140"/>',
  bottle: '<rect x="360" y="160" width="80" height="60" rx="10"/><rect x="320" y="220" width="160" height="240" rx="30"/>',
  jar: '<rect x="320" y="190" width="160" height="40" rx="8"/><rect x="300" y="230" width="200" height="220" rx="40"/>',
  sack: '<path d="M300 200 Q400 160 500 200 L540 440 Q400 480 260 440 Z"/>',
  box: '<rect x="270" y="220" width="260" height="220" rx="12"/><rect x="270" y="220" width="260" height="50" opacity=".7"/>',
  barrel:
    '<rect x="310" y="180" width="180" height="280" rx="40"/><rect x="310" y="250" width="180" height="14" fill="#fff" opacity=".5"/><rect x="310" y="370" width="180" height="14" fill="#fff" opacity=".5"/>',
  crystal: '<path d="M400 160 L500 300 L400 460 L300 300 Z"/>',
  gear: '<circle cx="400" cy="320" r="110"/><circle cx="400" cy="320" r="40" fill="#fff" opacity=".6"/>',
  machine:
    '<rect x="240" y="260" width="320" height="150" rx="16"/><circle cx="310" cy="430" r="36"/><circle cx="490" cy="430" r="36"/>',
  brick:
    '<rect x="250" y="250" width="140" height="70"/><rect x="410" y="250" width="140" height="70"/><rect x="320" y="340" width="140" height="70"/>',
  pipe: '<rect x="220" y="280" width="360" height="90" rx="45"/>',
  leaf: '<path d="M300 420 Q300 200 520 200 Q520 420 300 420 Z"/>',
  meat: '<ellipse cx="400" cy="320" rx="170" ry="110"/><ellipse cx="440" cy="300" rx="40" ry="28" fill="#fff" opacity=".6"/>',
  milk: '<path d="M340 180 L460 180 L480 240 L480 460 L320 460 L320 240 Z"/>',
  fish: '<ellipse cx="380" cy="320" rx="150" ry="70"/><path d="M520 320 L590 260 L590 380 Z"/>',
  tile: '<rect x="270" y="190" width="120" height="120"/><rect x="410" y="190" width="120" height="120" opacity=".7"/><rect x="270" y="330" width="120" height="120" opacity=".7"/><rect x="410" y="330" width="120" height="120"/>',
  cable: '<path d="M220 420 Q320 160 400 320 T580 220" stroke-width="34" fill="none" stroke="currentColor"/>',
  drum: '<ellipse cx="400" cy="200" rx="120" ry="30"/><rect x="280" y="200" width="240" height="240"/><ellipse cx="400" cy="440" rx="120" ry="30"/>',
}

export function demoImageSvg(hue: number, motif: string) {
  const shape = motifs[motif] ?? motifs.box
  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600" viewBox="0 0 800 600">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
<stop offset="0" stop-color="hsl(${hue} 55% 88%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360} 45% 70%)"/>
</linearGradient></defs>
<rect width="800" height="600" fill="url(#g)"/>
<g fill="hsl(${hue} 45% 32%)" color="hsl(${hue} 45% 32%)">${shape}</g>
</svg>`
}
