import { useEffect, useState } from 'react';

/** 'dark' or 'light', following the system setting: canvas colours are resolved again when it flips. */
export function useColorScheme(): 'dark' | 'light' {
  const query = '(prefers-color-scheme: dark)';
  const [dark, setDark] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const onChange = () => setDark(list.matches);
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, []);
  return dark ? 'dark' : 'light';
}
