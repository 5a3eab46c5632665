// @ts-check
// The stems mixer of the live page: one AudioContext, every stem decoded to an AudioBuffer and started at one
// context time, so they stay sample-locked however long they play. Each stem runs source → its gain → the master
// gain; mute, solo and volume only move gains. Plain browser JavaScript, no build step.
'use strict';

(() => {
  /**
   * A stem in the mixer: its audio, its gain node and mix settings, and (from `render()`) its row's elements.
   * @typedef {MixerStem & {
   *   buffer: AudioBuffer, gain: GainNode, volume: number, muted: boolean, solo: boolean,
   *   source: AudioBufferSourceNode | null, startTime: number | null,
   *   row: HTMLLIElement, muteButton: HTMLButtonElement, soloButton: HTMLButtonElement,
   *   canvas: HTMLCanvasElement, cursor: HTMLDivElement,
   * }} Track
   */

  /**
   * @template {keyof HTMLElementTagNameMap} K
   * @param {K} tag
   * @param {Partial<HTMLElementTagNameMap[K]>} props
   * @param {...Node} children
   * @returns {HTMLElementTagNameMap[K]}
   */
  function build(tag, props, ...children) {
    const node = Object.assign(document.createElement(tag), props);
    node.append(...children);
    return node;
  }

  /** @param {number} seconds */
  const clock = (seconds) => {
    const s = Math.max(0, Math.floor(seconds));
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  };

  /**
   * Min and max of each pixel column's samples, drawn as one bar per column: the usual DAW waveform.
   * @param {HTMLCanvasElement} canvas
   * @param {AudioBuffer} buffer
   */
  function drawWaveform(canvas, buffer) {
    const ratio = window.devicePixelRatio || 1;
    const width = Math.max(1, Math.round(canvas.clientWidth * ratio));
    const height = Math.max(1, Math.round(canvas.clientHeight * ratio));
    canvas.width = width;
    canvas.height = height;
    const g = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
    const data = buffer.getChannelData(0);
    const step = data.length / width;
    let loudest = 0;
    for (let i = 0; i < data.length; i++) loudest = Math.max(loudest, Math.abs(data[i]));
    const scale = loudest > 0 ? height / 2 / loudest : 0;
    g.clearRect(0, 0, width, height);
    g.fillStyle = getComputedStyle(canvas).color;
    for (let x = 0; x < width; x++) {
      let min = 0;
      let max = 0;
      const end = Math.min(data.length, Math.floor((x + 1) * step));
      for (let i = Math.floor(x * step); i < end; i++) {
        if (data[i] < min) min = data[i];
        if (data[i] > max) max = data[i];
      }
      const top = height / 2 - max * scale;
      g.fillRect(x, top, 1, Math.max(1, (max - min) * scale));
    }
  }

  class Mixer {
    /** @param {HTMLElement} root */
    constructor(root) {
      this.root = root;
      /** @type {AudioContext | null} */
      this.context = null;
      /** @type {Track[]} */
      this.tracks = [];
      this.playing = false;
      this.offset = 0; // seconds into the song where the next play starts
      this.startedAt = 0; // context time at which offset 0 would have played
      this.duration = 0;
      this.frame = 0;
    }

    /**
     * Decodes every stem and draws the mixer; `tracks` are `{ name, kind, url }`.
     * @param {MixerStem[]} tracks
     */
    async load(tracks) {
      this.stop();
      this.context = this.context || new AudioContext();
      if (!this.master) {
        this.master = this.context.createGain();
        this.master.connect(this.context.destination);
      }
      for (const t of this.tracks) t.gain.disconnect();
      this.root.hidden = false;
      /** @type {Element} */ (this.root.querySelector('.mixer-status')).textContent = `Loading ${tracks.length} stems…`;
      const decoded = await Promise.all(
        tracks.map(async (t) => {
          const res = await fetch(t.url);
          if (!res.ok) throw new Error(`${t.name}: HTTP ${res.status}`);
          return /** @type {AudioContext} */ (this.context).decodeAudioData(await res.arrayBuffer());
        }),
      );
      this.tracks = tracks.map((t, i) => {
        const gain = /** @type {AudioContext} */ (this.context).createGain();
        gain.connect(/** @type {GainNode} */ (this.master));
        // The row's elements are added by render().
        return /** @type {Track} */ ({
          ...t,
          buffer: decoded[i],
          gain,
          volume: 1,
          muted: false,
          solo: false,
          source: null,
          startTime: null,
        });
      });
      this.duration = Math.max(...decoded.map((b) => b.duration));
      this.offset = 0;
      this.render();
      /** @type {Element} */ (this.root.querySelector('.mixer-status')).textContent = '';
      this.applyGains();
      this.tick();
    }

    render() {
      const rows = this.tracks.map((t) => {
        const mute = build('button', { type: 'button', className: 'toggle mute', textContent: 'M', title: `Mute ${t.name}` });
        const solo = build('button', { type: 'button', className: 'toggle solo', textContent: 'S', title: `Solo ${t.name}` });
        const volume = build('input', {
          type: 'range',
          min: '0',
          max: '1.5',
          step: '0.01',
          value: '1',
          className: 'volume',
          title: `${t.name} volume`,
        });
        const canvas = build('canvas', { className: 'wave', title: 'Click to play from here' });
        const cursor = build('div', { className: 'cursor' });
        const lane = build('div', { className: 'lane' }, canvas, cursor);
        const download = build('a', {
          href: t.url,
          download: `${t.name}.wav`,
          className: 'download',
          textContent: '⬇',
          title: `Download ${t.name}`,
        });
        const label = build(
          'div',
          { className: 'label' },
          build('span', { className: 'name', textContent: t.name }),
          build('span', { className: 'kind', textContent: t.kind }),
        );
        const row = build('li', { className: 'stem' }, label, mute, solo, volume, lane, download);
        row.dataset.kind = t.kind;
        mute.addEventListener('click', () => ((t.muted = !t.muted), this.applyGains()));
        solo.addEventListener('click', () => ((t.solo = !t.solo), this.applyGains()));
        volume.addEventListener('input', () => ((t.volume = Number(volume.value)), this.applyGains()));
        lane.addEventListener('click', (e) => {
          const box = lane.getBoundingClientRect();
          this.seek(((e.clientX - box.left) / box.width) * this.duration);
        });
        Object.assign(t, { row, muteButton: mute, soloButton: solo, canvas, cursor });
        return row;
      });
      /** @type {Element} */ (this.root.querySelector('.stems')).replaceChildren(...rows);
      for (const t of this.tracks) drawWaveform(t.canvas, t.buffer);
      const seek = /** @type {HTMLInputElement} */ (this.root.querySelector('.seek'));
      seek.max = String(this.duration);
      /** @type {Element} */ (this.root.querySelector('.total')).textContent = clock(this.duration);
    }

    /** Solo wins: with any stem soloed, only soloed stems sound; otherwise every stem not muted does. */
    applyGains() {
      const soloing = this.tracks.some((t) => t.solo);
      for (const t of this.tracks) {
        const audible = soloing ? t.solo : !t.muted;
        t.gain.gain.value = audible ? t.volume : 0;
        t.muteButton.classList.toggle('on', t.muted);
        t.soloButton.classList.toggle('on', t.solo);
        t.muteButton.setAttribute('aria-pressed', String(t.muted));
        t.soloButton.setAttribute('aria-pressed', String(t.solo));
        t.row.classList.toggle('silent', !audible);
      }
    }

    /**
     * Starts every stem at the same context time, a little ahead so that all are scheduled before it comes. (With
     * tracks, there is a context: load() made it.)
     */
    async play() {
      if (this.playing || !this.tracks.length) return;
      await /** @type {AudioContext} */ (this.context).resume();
      if (this.offset >= this.duration) this.offset = 0;
      const when = /** @type {AudioContext} */ (this.context).currentTime + 0.1;
      for (const t of this.tracks) {
        const source = /** @type {AudioContext} */ (this.context).createBufferSource();
        source.buffer = t.buffer;
        source.connect(t.gain);
        source.start(when, this.offset);
        t.source = source;
        t.startTime = when;
      }
      this.startedAt = when - this.offset;
      this.playing = true;
      /** @type {Element} */ (this.root.querySelector('.play')).textContent = '❚❚ Pause';
    }

    position() {
      if (!this.playing) return this.offset;
      return Math.min(this.duration, Math.max(0, /** @type {AudioContext} */ (this.context).currentTime - this.startedAt));
    }

    stop() {
      for (const t of this.tracks) {
        if (t.source) t.source.stop();
        t.source = null;
      }
      this.playing = false;
      const play = this.root.querySelector('.play');
      if (play) play.textContent = '▶ Play';
    }

    pause() {
      if (!this.playing) return;
      this.offset = this.position();
      this.stop();
    }

    /** @param {number} seconds */
    seek(seconds) {
      const resume = this.playing;
      this.pause();
      this.offset = Math.min(Math.max(0, seconds), this.duration);
      if (resume) this.play();
      this.showPosition();
    }

    showPosition() {
      const at = this.position();
      /** @type {Element} */ (this.root.querySelector('.time')).textContent = clock(at);
      const seek = /** @type {HTMLInputElement} */ (this.root.querySelector('.seek'));
      if (document.activeElement !== seek) seek.value = String(at);
      const fraction = this.duration ? at / this.duration : 0;
      for (const t of this.tracks) t.cursor.style.left = `${fraction * 100}%`;
    }

    /**
     * What a test (or a curious user in the console) can read of the audio graph: see `window.studio`.
     * @returns {MixerSnapshot}
     */
    snapshot() {
      return {
        contextState: this.context ? this.context.state : 'none',
        currentTime: this.context ? this.context.currentTime : 0,
        playing: this.playing,
        /** Where in the song the sources were (or will be) started from. */
        offset: this.offset,
        position: this.position(),
        duration: this.duration,
        stems: this.tracks.map((t) => ({
          kind: t.kind,
          name: t.name,
          startTime: t.source ? t.startTime : null,
          gain: t.gain.gain.value,
          muted: t.muted,
          solo: t.solo,
          volume: t.volume,
        })),
      };
    }

    tick() {
      cancelAnimationFrame(this.frame);
      const step = () => {
        if (this.playing && this.position() >= this.duration) {
          this.stop();
          this.offset = 0;
        }
        this.showPosition();
        this.frame = requestAnimationFrame(step);
      };
      this.frame = requestAnimationFrame(step);
    }
  }

  /**
   * Wires the transport of the mixer markup in `root` (see index.html) and returns the mixer.
   * @param {HTMLElement} root
   */
  function createMixer(root) {
    const mixer = new Mixer(root);
    /** @type {Element} */ (root.querySelector('.play')).addEventListener('click', () => (mixer.playing ? mixer.pause() : mixer.play()));
    /** @type {Element} */ (root.querySelector('.seek')).addEventListener('input', (e) =>
      mixer.seek(Number(/** @type {HTMLInputElement} */ (e.target).value)),
    );
    return mixer;
  }

  window.createMixer = createMixer;
})();
