/** The UI's strings for the Images panel and an image picked in it (part of `strings`). */

export const imageStrings = {
  images: {
    heading: 'Images',
    none: 'No images yet. Build one, or type docker pull debian:bookworm-slim in the terminal.',
    dangling: 'dangling',
    layersOf: (name: string) => `Layers of ${name}, base first`,
    blockTitle: (letter: string, size: string, shared: boolean) =>
      `Layer ${letter}, ${size}${shared ? ', shared with another image' : ''}`,
    df: (shared: string, unique: string) => `SHARED SIZE ${shared} · UNIQUE SIZE ${unique}`,
    disk: (disk: string, sum: string) =>
      `Layers: ${disk} of files (the images add up to ${sum}; a shared layer is stored once).`,
    diskUsage: (size: string) => `DISK USAGE ${size}`,
    contentSize: (size: string) => `CONTENT SIZE ${size}`,
    sizeTitle: {
      containerd:
        'DISK USAGE, as docker images shows it with the containerd store: the unpacked layers in 4 KiB blocks plus the compressed content.',
      overlay2:
        'SIZE, as docker images shows it with the overlay2 store: the bytes of the files in the layers.',
    },
    idTitle: {
      containerd:
        'Image ID with the containerd store: the digest of the image’s manifest (or of its index).',
      overlay2: 'Image ID with the overlay2 store: the digest of the image’s config.',
    },
    storeLine: {
      containerd: 'containerd image store (Docker 29’s default)',
      overlay2: 'overlay2 image store (Docker 28’s default)',
    },
    whyDiffer: 'Why do IDs and sizes differ between the stores?',
    explain: {
      containerd: [
        'The image ID is the digest of the image’s manifest, or of its index when BuildKit adds a provenance attestation (as docker build does by default). The overlay2 store names the same image by the digest of its config, so the two stores give one build two different IDs.',
        'The attestation records when the image was built, so with the containerd store even a fully cached rebuild gets a new ID (docker build --provenance=false keeps it).',
        'DISK USAGE counts each layer unpacked as the filesystem stores it, in 4 KiB blocks, plus the compressed layers the store keeps beside them; CONTENT SIZE is that compressed part alone, what a pull downloads. overlay2 counts only the bytes of the files, so its sizes are smaller.',
        'The layer blocks here are the files’ bytes in both stores. The layers panel gives each layer’s size as docker history does: with this store, its snapshot in 4 KiB blocks.',
      ],
      overlay2: [
        'The image ID is the digest of the image’s config (its settings, history and the diffIDs of its layers), so a fully cached rebuild gives the same ID again.',
        'SIZE counts the bytes of the files in the layers.',
        'With the containerd store, Docker 29’s default, the ID is the digest of the image’s manifest or index instead, and sizes count disk blocks plus the compressed layers: both differ from what you see here. Build options switch the store.',
      ],
    },
    load: 'Load an image…',
    loadTitle:
      'Load a tar that docker save wrote (docker save -o app.tar IMAGE), or drop it here. It is read in this browser; nothing is uploaded.',
    loadInput: 'A docker save tar to load',
    writtenHeading: 'Files written in the terminal',
    loading: (name: string) => `Loading ${name}`,
    loadingBytes: (read: string, total: string) => `${read} of ${total} read`,
    cancelLoad: 'Cancel',
    download: (name: string) => `Download ${name}`,
    downloadTitle:
      'Save this file to your computer: a docker save tar loads into a real Docker with docker load -i FILE.',
  },

  /** The layer list of an image picked in the Images panel. */
  imageLayers: {
    heading: (name: string) => `Image ${name}`,
    summary: (layers: number, size: string) =>
      `${layers} ${layers === 1 ? 'layer' : 'layers'}, ${size}. History newest first, as docker history prints it.`,
    back: (n: number) => `Back to build ${n}`,
    close: 'Close',
    closeTitle: 'Show the build again in the layer, filesystem and union panels',
    historyLabel: (name: string) => `History of ${name}, newest first`,
    imageColumn: 'IMAGE',
    createdByColumn: 'CREATED BY',
    sizeColumn: 'SIZE',
    missing: '<missing>',
    missingTitle:
      'No local image stands for this step: docker history prints <missing>. Only the image itself (and, for the classic builder, its parents) has an ID here.',
    noLayer: 'no layer',
    layer: (n: number) => `Layer ${n}`,
    chooseLayer: (n: number) => `Show the filesystem as of layer ${n}`,
    show: 'Layers',
    showTitle: (name: string) =>
      `Show every layer of ${name} in the layer, filesystem and union panels`,
    showBase: (name: string) => `Show all layers of ${name}`,
  },

  /** Dropping a file anywhere on the lab page. */
  pageDrop: {
    hint: 'Drop a docker save tar to load it with docker load (read in this browser; nothing is uploaded)',
    busy: 'Another image is loading: wait for it (or cancel it in the Images panel), then drop again.',
    notArchive: (name: string) =>
      `${name} is not a tar archive, so docker load cannot read it: drop the .tar that docker save writes (docker save -o app.tar IMAGE).`,
    dismiss: 'Dismiss',
  },

  /** Loaded images kept in the browser (IndexedDB) across reloads. */
  kept: {
    heading: 'Kept in this browser',
    total: (n: number, size: string) =>
      `${n === 1 ? 'This archive takes' : `These ${n} archives take`} ${size} of this browser's storage; ${n === 1 ? 'its' : 'their'} images come back when you reload the lab.`,
    item: (name: string, size: string) => `${name} · ${size}`,
    store: { containerd: 'containerd store', overlay2: 'overlay2 store' },
    remove: (name: string) => `Delete ${name}`,
    removeTitle:
      'Stop keeping this archive in the browser. Its images stay loaded until you reload the page.',
    removeAll: 'Delete all',
    removeAllTitle:
      'Stop keeping every loaded archive in the browser. Their images stay loaded until you reload the page.',
    dismiss: 'Dismiss',
    problem: {
      quota: (name: string, size: string) =>
        `The browser has no room left to keep ${name} (${size}): it stays loaded until you reload the page. Delete kept archives here, or free space for this site in the browser's settings.`,
      unavailable: (name: string, size: string) =>
        `This browser does not let the lab keep ${name} (${size}) (private browsing, or storage turned off for this site): it stays loaded until you reload the page.`,
      failed: (name: string, size: string) =>
        `The browser could not keep ${name} (${size}): it stays loaded until you reload the page.`,
      'too-big': (name: string, size: string) =>
        `${name} (${size}) is too big to keep in the browser (up to 256 MB): it stays loaded until you reload the page; load it again after that.`,
      'restore-failed': (name: string, size: string) =>
        `${name} (${size}), kept from an earlier visit, did not load again; delete it here and load the archive anew.`,
    },
  },
};
