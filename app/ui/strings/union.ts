/** The UI's strings for the union filesystem picture (part of `strings`). */

// One formatter for every count: building one per call costs more than the text it makes.
const numbers = new Intl.NumberFormat('en-US');

/** `1 file`, `10,000 files`. */
const count = (n: number, word: string) => `${numbers.format(n)} ${n === 1 ? word : `${word}s`}`;

export const unionStrings = {
  union: {
    heading: 'Union filesystem',
    noBuild:
      'Build the image to see its layers stacked like transparent sheets, base at the bottom, with the merged view a container sees on top.',
    failed:
      'The build failed, so there is no image to draw. Fix the step marked failed and build again.',
    notPlayed: 'Press Step or Play: each layer lands on the stack as its step runs.',
    loading: 'Drawing the layers…',
    toolbar: 'Picture controls',
    describeHint: 'Choose a slab or a tile (or Tab into the picture) to read what it holds.',
    pictureLabel:
      'The union filesystem, base layer at the bottom and the merged view on top. Arrow keys move between layers and files, Enter opens a folder.',
    search: 'Find paths',
    searchMore: (n: number) => `${n} more paths match: type more to narrow it down.`,
    noMatch: (q: string) => `No path of this image contains “${q}”.`,
    reset: 'The build’s files',
    resetTitle: 'Show the paths the build and the container wrote, folders folded to fit',
    zoomGroup: 'Zoom',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fit: 'Fit',
    zoom: (pct: number) => `${pct}%`,
    container: 'Container',
    noContainer: 'none',
    merged: 'Merged view: what a container sees',
    rest: 'other paths',
    imageSize: (size: string, layers: number) =>
      `Image: ${size} in ${layers} ${layers === 1 ? 'layer' : 'layers'}`,
    deletedNote: (size: string) => `${size} of it hidden by later layers, still downloaded`,
    layerTag: (n: number) => `L${n}`,
    writableTag: (name: string) => `✎ ${name}`,
    phase: {
      base: 'base',
      built: 'built',
      cached: 'cached, reused',
      container: 'writable',
    },
    phaseGlyph: { base: '▤', built: '●', cached: '✓', container: '✎' },
    containerTitle: (name: string) => `Container ${name}`,
    metadata: 'metadata only, no layer',
    hole: 'whiteout',
    holes: (n: number) => `${count(n, 'whiteout')}`,
    holeUnder: (dir: string) => `deleted with ${dir}/`,
    opaque: (dir: string) => `opaque ${dir}/: hides what lower layers have in it`,
    hidden: 'hidden',
    deleted: 'deleted',
    copiedUp: (layer: number) => `↑ copied up from L${layer}`,
    files: (n: number) => count(n, 'file'),
    otherPaths: (n: number) => `${numbers.format(n)} more`,
    newDir: 'directory',
    fold: (dir: string) => `Fold ${dir}/`,
    legend: 'How to read it',
    legendItems: [
      ['tile', 'a copy of a file in that layer'],
      ['line', 'the merged view takes the file from the layer the line ends on'],
      ['dashed tile', 'hidden by a later layer, yet its bytes stay in the image'],
      ['hole', 'a whiteout: the file is deleted from the layers below'],
      ['hatched lid', 'an opaque directory: it hides what lower layers had in it'],
      ['↑ tile', 'copied up into the container’s writable layer before the first write'],
    ] as [string, string][],
    // What a screen reader hears on each slab and tile.
    aria: {
      slab: (n: number, total: number, title: string, size: string, phase: string) =>
        `Layer ${n} of ${total}: ${title}, ${size}, ${phase}.`,
      containerSlab: (name: string, size: string, changes: number) =>
        `Writable layer of container ${name}: ${size}, ${changes} ${changes === 1 ? 'change' : 'changes'}. Only this container sees it.`,
      marker: (text: string) => `${text}: changes only the image’s configuration, no layer.`,
      fileVisible: (path: string, where: string, size: string) =>
        `${path}: ${size} in ${where}, the copy the merged view shows.`,
      fileHidden: (path: string, where: string, size: string) =>
        `${path}: ${size} in ${where}, hidden by a later layer; its bytes stay in the image.`,
      dir: (path: string, where: string) => `${path}/: directory in ${where}.`,
      whiteout: (path: string, where: string) =>
        `Whiteout in ${where}: ${path} is deleted from the layers below, which still hold its bytes.`,
      holes: (dir: string | undefined, where: string, n: number) =>
        `${dir ? `Folder ${dir}` : 'Other paths'} in ${where}: ${count(n, 'whiteout')}, deleting paths of the layers below, which still hold their bytes.${dir ? ' Enter opens it.' : ''}`,
      whiteoutUnder: (path: string, dir: string, where: string) =>
        `${path} is deleted in ${where} with its directory ${dir}/.`,
      opaque: (dir: string, where: string) =>
        `Opaque directory ${dir}/ in ${where}: it hides what the layers below have in it.`,
      copiedUp: (path: string, from: number, size: string) =>
        `${path}: ${size}, copied up from layer ${from} into the writable layer, then changed.`,
      folder: (dir: string, where: string, files: number, size: string, seen: number) =>
        `Folder ${dir}/ in ${where}: ${count(files, 'file')}, ${size}; ${numbers.format(seen)} seen in the merged view. Enter opens it.`,
      rest: (where: string, files: number, size: string) =>
        `Other paths in ${where}: ${count(files, 'file')}, ${size}.`,
      mergedFile: (path: string, where: string) => `${path} in the merged view: from ${where}.`,
      mergedDir: (path: string, where: string) =>
        `${path}/ in the merged view: a directory, made in ${where}.`,
      mergedDeleted: (path: string, where: string) =>
        `${path} is not in the merged view: ${where} deleted it.`,
      mergedFolder: (dir: string, seen: number) =>
        `Folder ${dir}/ in the merged view: ${count(seen, 'file')}. Enter opens it.`,
      mergedRest: (seen: number) => `Other paths in the merged view: ${count(seen, 'file')}.`,
      band: (dir: string) => `Open folder ${dir}/. Enter folds it into one tile.`,
      layerName: (n: number, title: string) =>
        `layer ${n} (${title.length > 40 ? `${title.slice(0, 39)}…` : title})`,
      layerShort: (n: number) => `layer ${n}`,
      containerName: (name: string) => `the writable layer of ${name}`,
    },
  },
} as const;
