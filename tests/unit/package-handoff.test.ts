/**
 * A double-clicked offline package (issue 15): the path is picked out of a launch's argv (Windows,
 * Linux, a second instance's argv with its own cwd) or arrives by `open-file` (macOS), and packages
 * handed over before the reader exists are held and passed on in order once it is attached.
 */
import { describe, expect, it } from 'vitest';
import { PackageHandoff, packageFromArgv } from '../../src-main/app/package-handoff';

describe('packageFromArgv', () => {
  it('finds the package path among the launch arguments, made absolute against the launching cwd', () => {
    expect(packageFromArgv(['/opt/Triplicate/triplicate', '/home/zhang/下载/D-2026-0001-S.tpkg'], '/')).toBe('/home/zhang/下载/D-2026-0001-S.tpkg');
    expect(packageFromArgv(['triplicate', '--no-sandbox', 'pkgs/a.TPKG'], '/home/zhang')).toBe('/home/zhang/pkgs/a.TPKG');
    // A second instance started from another folder: its cwd, not ours.
    expect(packageFromArgv(['triplicate', 'a.tpkg'], '/mnt/usb')).toBe('/mnt/usb/a.tpkg');
    expect(packageFromArgv(['triplicate', 'file:///home/zhang/%E4%B8%8B%E8%BD%BD/b.tpkg'], '/')).toBe('/home/zhang/下载/b.tpkg');
    expect(packageFromArgv(['triplicate', 'a.tpkg', 'b.tpkg'], '/x')).toBe('/x/b.tpkg');
  });

  it('ignores options, other files, the executable and a bare extension', () => {
    expect(packageFromArgv(['/opt/x.tpkg'], '/')).toBeNull();
    expect(packageFromArgv(['triplicate', '--open=a.tpkg', '-x.tpkg'], '/')).toBeNull();
    expect(packageFromArgv(['triplicate', 'notes.txt', '.tpkg', 'a.tpkg.json'], '/')).toBeNull();
    expect(packageFromArgv(['electron', '.', '--inspect'], '/')).toBeNull();
  });
});

describe('PackageHandoff', () => {
  it('holds packages until the reader is attached, then passes each on as it comes', () => {
    const handoff = new PackageHandoff();
    const offered: string[] = [];
    handoff.offer('/a.tpkg'); // open-file before ready
    handoff.offerArgv(['triplicate', '--flag'], '/'); // a launch without a package: nothing
    handoff.offerArgv(['triplicate', 'b.tpkg'], '/c');
    expect(offered).toEqual([]);
    handoff.attach({ offer: (f) => offered.push(f) });
    expect(offered).toEqual(['/a.tpkg', '/c/b.tpkg']);
    handoff.offer(null);
    handoff.offerArgv(['triplicate', '/d/e.tpkg'], '/');
    expect(offered).toEqual(['/a.tpkg', '/c/b.tpkg', '/d/e.tpkg']);
  });
});
