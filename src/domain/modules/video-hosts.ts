/**
 * The video hosts a module may embed, and how a link to each becomes the address of its player.
 * Data, not code paths: a host is added here, and the web app's content policy reads the
 * players' origins from this list too. Video files are never uploaded to Koers.
 */
export interface VideoHost {
  /** The host's name as people know it, shown before the player is loaded. */
  name: string;
  /** The host names a link may have. */
  hosts: readonly string[];
  /** The video's id in a link, or null when the link names no video. */
  id: (url: URL) => string | null;
  /** The player's address for that id. */
  player: (id: string) => string;
  /** The origin the player is served from (for the content security policy). */
  origin: string;
}

const ID = /^[\w-]{6,20}$/;
const valid = (id: string | null | undefined) => (id && ID.test(id) ? id : null);

export const VIDEO_HOSTS: readonly VideoHost[] = [
  {
    name: "YouTube",
    hosts: ["www.youtube.com", "youtube.com", "m.youtube.com"],
    id: (url) =>
      valid(
        url.pathname === "/watch"
          ? url.searchParams.get("v")
          : url.pathname.match(/^\/(?:embed|shorts)\/([^/]+)$/)?.[1],
      ),
    player: (id) => `https://www.youtube-nocookie.com/embed/${id}`,
    origin: "https://www.youtube-nocookie.com",
  },
  {
    name: "YouTube",
    hosts: ["youtu.be"],
    id: (url) => valid(url.pathname.slice(1)),
    player: (id) => `https://www.youtube-nocookie.com/embed/${id}`,
    origin: "https://www.youtube-nocookie.com",
  },
  {
    name: "Vimeo",
    hosts: ["vimeo.com", "www.vimeo.com", "player.vimeo.com"],
    id: (url) => url.pathname.match(/^\/(?:video\/)?(\d{6,12})$/)?.[1] ?? null,
    player: (id) => `https://player.vimeo.com/video/${id}`,
    origin: "https://player.vimeo.com",
  },
];

/** The player's address for a link to a video on an allowed host (https only), or null. */
export function videoPlayer(link: string): string | null {
  return videoSource(link)?.player ?? null;
}

/** The player's address and the host's name for a link to a video on an allowed host, or null. */
export function videoSource(link: string): { player: string; host: string } | null {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" || url.username || url.password || url.port) return null;
  const host = VIDEO_HOSTS.find((h) => h.hosts.includes(url.hostname));
  const id = host?.id(url);
  return host && id ? { player: host.player(id), host: host.name } : null;
}

/** The origins of the allowed players, for the content security policy's frame-src. */
export const videoPlayerOrigins = () => [...new Set(VIDEO_HOSTS.map((h) => h.origin))];
