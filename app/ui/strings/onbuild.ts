/** The UI's strings for a base image's ONBUILD triggers in the layer stack (part of `strings`). */
export const onbuildStrings = {
  onbuild: {
    /** The badge on a step that is a trigger of the base image, not a line of this Dockerfile. */
    badge: 'ONBUILD',
    /** Under such a step: where it comes from. */
    why: (base: string) => `ONBUILD trigger of ${base}, run right after FROM as if written there.`,
    /** Under the FROM card when the base image's triggers ran. */
    ran: (n: number, base: string) =>
      `${base} carries ${n} ONBUILD ${n === 1 ? 'trigger' : 'triggers'}: ${n === 1 ? 'it ran' : 'they ran'} right after FROM (the ${n === 1 ? 'step' : 'steps'} marked ONBUILD above). This image keeps none of them, so an image built FROM it runs them no more.`,
  },
};
