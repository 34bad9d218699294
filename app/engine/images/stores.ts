/**
 * The two image stores dockerd can keep images in. `overlay2` is the classic graph-driver
 * store (Docker 28.5's default): an image ID is the sha256 of its config. `containerd` is the
 * containerd image store, the default of fresh installs from Docker 29 on
 * (https://docs.docker.com/engine/storage/containerd/): an image is its manifest or index in
 * containerd's content store, and its ID is that descriptor's digest.
 */
export type ImageStoreKind = 'containerd' | 'overlay2';

export const IMAGE_STORES: readonly ImageStoreKind[] = ['containerd', 'overlay2'];

/**
 * The image store of a fresh lab: "The containerd image store is the default storage backend
 * for Docker Engine 29.0 and later on fresh installations" (docs.docker.com/engine/storage/
 * containerd/); an upgraded daemon keeps overlay2, which the lab's switch gives.
 */
export const DEFAULT_IMAGE_STORE: ImageStoreKind = 'containerd';
