// Stand-in for the zustand confetti store.
let open = false;

export const useConfettiStore = () => ({
  isOpen: open,
  onOpen: () => {
    open = true;
  },
  onClose: () => {
    open = false;
  },
});
