/** A feed address for calendar apps that subscribe on a click: the same address with webcal://. */
export const webcalUrl = (url: string) => url.replace(/^https?:\/\//, "webcal://");
